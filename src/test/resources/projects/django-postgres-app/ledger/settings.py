DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "ledger",
    }
}
INSTALLED_APPS = ["django.contrib.contenttypes", "ledger.entries"]
