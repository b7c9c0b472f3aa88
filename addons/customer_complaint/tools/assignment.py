"""Choosing an officer inside a team."""


def least_loaded(member_ids, open_counts):
    """The member with the fewest open tickets; ties go to the lowest id."""
    if not member_ids:
        return None
    return min(sorted(member_ids), key=lambda uid: open_counts.get(uid, 0))


def round_robin(member_ids, last_id):
    """The member after ``last_id`` in id order, wrapping around."""
    if not member_ids:
        return None
    ordered = sorted(member_ids)
    for uid in ordered:
        if last_id is None or uid > last_id:
            return uid
    return ordered[0]
