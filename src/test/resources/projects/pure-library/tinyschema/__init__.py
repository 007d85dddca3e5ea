import attrs


@attrs.frozen
class Field:
    name: str
    required: bool = True


def validate(fields: tuple[Field, ...], data: dict) -> list[str]:
    return [f.name for f in fields if f.required and f.name not in data]
