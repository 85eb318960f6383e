from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("posthog", "0700_move_feature_flags"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="FeatureFlag",
                    fields=[
                        ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("key", models.CharField(max_length=400)),
                        ("name", models.TextField(blank=True)),
                        ("filters", models.JSONField(default=dict)),
                        ("active", models.BooleanField(default=True)),
                        ("deleted", models.BooleanField(default=False)),
                        ("team", models.ForeignKey(on_delete=models.deletion.CASCADE, to="posthog.team")),
                    ],
                    options={"db_table": "posthog_featureflag"},
                ),
            ],
            database_operations=[],
        ),
    ]
