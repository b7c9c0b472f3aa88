from . import hr_simpeg_duk_xlsx
from . import hr_simpeg_duk_pdf
