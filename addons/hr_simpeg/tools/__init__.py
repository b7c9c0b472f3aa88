from . import simpeg
