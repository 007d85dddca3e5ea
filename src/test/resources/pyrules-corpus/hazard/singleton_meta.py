"""A configuration singleton."""


class Settings:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)  # expect: FT102
        return cls._instance
