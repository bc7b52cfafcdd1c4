"""A progress bar for the management commands that load or compute many rows."""

from django.core.management.base import OutputWrapper


class Progress:
    """A progress bar on a terminal, rewritten in place: ``[#####.....] 50% 5,000/10,000``."""

    WIDTH = 30

    def __init__(self, out: OutputWrapper, total: int) -> None:
        self.out, self.total = out, total

    def show(self, done: int) -> None:
        share = done / self.total if self.total else 1.0
        filled = round(share * self.WIDTH)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        # Plain text: a command's stderr writes in the error style by default.
        self.out.write(
            f"\r[{bar}] {share:4.0%} {done:,}/{self.total:,} items", ending="", style_func=str
        )
        if done >= self.total:
            self.out.write("", style_func=str)
