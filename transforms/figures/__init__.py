"""The figure extractor (see ../shared/spec/FIGURES.md): ``extract_figures(text, published)``."""

from transforms.figures.extract import extract_figures
from transforms.figures.model import Figure

EXTRACTOR_VERSION = "figures-1.65"

__all__ = ["EXTRACTOR_VERSION", "Figure", "extract_figures"]
