from django.db import migrations, models

from producers.text import normalize_search_text


def fill_search_name(apps, schema_editor):
    Product = apps.get_model("products", "Product")
    products = list(Product.objects.only("pk", "name"))
    for product in products:
        product.search_name = normalize_search_text(product.name)[:200]
    Product.objects.bulk_update(products, ["search_name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("products", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="search_name",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.RunPython(fill_search_name, migrations.RunPython.noop),
    ]
