from . import kinerja_wizards
