import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "../../src/rules/did-you-mean.js";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("feature_flag", "feature_flags")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});

describe("closestMatch", () => {
  it("returns the one candidate within two edits, as the candidate spells it", () => {
    expect(closestMatch("feature_flag", ["experiments", "Feature_Flags", "posthog"])).toBe("Feature_Flags");
  });

  it("returns nothing when two candidates are that close", () => {
    expect(closestMatch("team", ["teams", "tear", "posthog"])).toBeUndefined();
  });

  it("returns nothing when the only candidates differ in length by more than two", () => {
    expect(closestMatch("flag", ["flagsets", "f"])).toBeUndefined();
  });

  it("counts the length difference of the lower-cased names", () => {
    expect(closestMatch("ab", ["abcd"])).toBe("abcd");
    expect(closestMatch("ab", ["abcde"])).toBeUndefined();
  });
});
