# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Validation of an uploaded selfie: JPEG or PNG only, bounded in bytes and
pixels (decompression bombs are refused before decoding), downscaled and
re-encoded as JPEG, which also drops EXIF and any trailing payload."""
import base64
import binascii
import io

from PIL import Image

JPEG_MAGIC = b'\xff\xd8\xff'
PNG_MAGIC = b'\x89PNG\r\n\x1a\n'


class PhotoError(ValueError):
    """The photo is refused; args[0] is a reason code."""


def decode_data(data, max_bytes):
    """Bytes of a photo sent as base64 (optionally a data: URL). The length
    is checked before decoding."""
    if isinstance(data, bytes):
        data = data.decode('ascii', 'replace')
    if not isinstance(data, str) or not data:
        raise PhotoError('photo_missing')
    if data.startswith('data:'):
        data = data.split(',', 1)[-1]
    if len(data) > (max_bytes * 4) // 3 + 4:
        raise PhotoError('photo_too_large')
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise PhotoError('photo_not_image')
    if len(raw) > max_bytes:
        raise PhotoError('photo_too_large')
    return raw


def process_photo(raw, max_bytes=3 * 1024 * 1024, max_pixels=25000000,
                  max_side=800, quality=80):
    """JPEG bytes of the validated, downscaled photo."""
    if not raw:
        raise PhotoError('photo_missing')
    if len(raw) > max_bytes:
        raise PhotoError('photo_too_large')
    if not (raw.startswith(JPEG_MAGIC) or raw.startswith(PNG_MAGIC)):
        raise PhotoError('photo_not_image')
    try:
        image = Image.open(io.BytesIO(raw))
        if image.format not in ('JPEG', 'PNG'):
            raise PhotoError('photo_not_image')
        width, height = image.size
        if width < 1 or height < 1 or width * height > max_pixels:
            raise PhotoError('photo_too_many_pixels')
        if image.format == 'JPEG':
            image.draft('RGB', (max_side, max_side))
        image.load()
        image = image.convert('RGB')
        image.thumbnail((max_side, max_side))
        out = io.BytesIO()
        image.save(out, format='JPEG', quality=quality)
    except PhotoError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise PhotoError('photo_not_image')
    return out.getvalue()
