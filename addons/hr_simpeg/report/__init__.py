from . import hr_simpeg_duk_xlsx
