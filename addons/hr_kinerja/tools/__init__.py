from . import scoring
from . import text
