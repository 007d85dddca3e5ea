import click
import yaml


@click.command()
@click.argument("path", type=click.Path(exists=True))
def main(path: str) -> None:
    with open(path, encoding="utf-8") as fh:
        config = yaml.safe_load(fh)
    click.echo(f"{len(config)} top-level keys")
