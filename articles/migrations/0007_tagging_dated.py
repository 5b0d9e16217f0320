"""The article's topics get a model of their own, Tagging, on the table Django made for
them (nothing moves), with the article's publication time copied beside each topic and
an index (topic, time, article) that hands a topic's page its articles in order."""

from __future__ import annotations

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def date_taggings(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Tagging = apps.get_model("articles", "Tagging")
    published = Article.objects.filter(pk=OuterRef("article_id")).values("publish_at")
    Tagging.objects.update(publish_at=Subquery(published[:1]))


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_search_by_trigram")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Tagging",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("article", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="articles.article")),
                        ("tag", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="articles.tag")),
                    ],
                    options={
                        "db_table": "articles_article_tags",
                        "unique_together": {("article", "tag")},
                    },
                ),
                migrations.AlterField(
                    model_name="article",
                    name="tags",
                    field=models.ManyToManyField(blank=True, related_name="articles", through="articles.Tagging", to="articles.tag", verbose_name="tags"),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="tagging",
            name="publish_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunPython(date_taggings, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="tagging",
            index=models.Index(fields=["tag", "publish_at", "article"], name="articles_tagging_idx"),
        ),
        migrations.AlterField(
            model_name="tagging",
            name="tag",
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, to="articles.tag"),
        ),
    ]  # fmt: skip
