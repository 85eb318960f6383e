import posthogProducts from "../../dist/index.js";

export default [...posthogProducts.configs.recommended];
