"""Indonesian number words ("terbilang") for amounts of money."""

_UNITS = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh',
          'delapan', 'sembilan', 'sepuluh', 'sebelas']
_SCALES = [
    (10 ** 15, 'kuadriliun'),
    (10 ** 12, 'triliun'),
    (10 ** 9, 'miliar'),
    (10 ** 6, 'juta'),
]


def _below_thousand(n):
    words = []
    if n >= 100:
        hundreds = n // 100
        words.append('seratus' if hundreds == 1 else _UNITS[hundreds] + ' ratus')
        n %= 100
    if n >= 20:
        words.append(_UNITS[n // 10] + ' puluh')
        n %= 10
    if n >= 12:
        words.append(_UNITS[n - 10] + ' belas')
    elif n > 0:
        words.append(_UNITS[n])
    return ' '.join(words)


def _below_million(n):
    thousands, rest = divmod(n, 1000)
    words = []
    if thousands == 1:
        words.append('seribu')
    elif thousands:
        words.append(_below_thousand(thousands) + ' ribu')
    if rest:
        words.append(_below_thousand(rest))
    return ' '.join(words)


def terbilang(number):
    """Words for a whole number: 1001000 -> 'satu juta seribu'."""
    number = int(number)
    if number < 0:
        return 'minus ' + terbilang(-number)
    if number == 0:
        return 'nol'
    if number >= 10 ** 18:
        raise ValueError('Number too large for words: %s' % number)
    words = []
    for size, name in _SCALES:
        if number >= size:
            count, number = divmod(number, size)
            words.append(terbilang(count) + ' ' + name)
    if number:
        words.append(_below_million(number))
    return ' '.join(words)


def amount_to_words(amount, unit='rupiah', subunit='sen', decimals=2):
    """Words for an amount of money, sen included when not zero.

    >>> amount_to_words(2500000)
    'dua juta lima ratus ribu rupiah'
    >>> amount_to_words(1250.5)
    'seribu dua ratus lima puluh rupiah lima puluh sen'
    """
    negative = amount < 0
    text = ('%.' + str(max(decimals, 0)) + 'f') % abs(amount)
    whole, _sep, fraction = text.partition('.')
    words = '%s %s' % (terbilang(int(whole)), unit)
    if fraction and int(fraction):
        words += ' %s %s' % (terbilang(int(fraction)), subunit)
    return ('minus ' + words) if negative else words
