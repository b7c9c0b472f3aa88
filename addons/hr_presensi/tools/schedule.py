# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Lateness, early leave, overtime and the status of an employee-day.

Times are naive local datetimes; a day's schedule is a list of
(hour_from, hour_to) floats as in resource.calendar.attendance.
"""
from datetime import datetime, time, timedelta

PRESENT = 'present'
LATE = 'late'
ABSENT = 'absent'
LEAVE = 'leave'
HOLIDAY = 'holiday'
WEEKEND = 'weekend'
DUTY = 'duty'
STATUSES = (PRESENT, LATE, ABSENT, LEAVE, HOLIDAY, WEEKEND, DUTY)


def float_to_time(hours):
    """9.5 -> time(9, 30). 24 and more -> 23:59:59."""
    if hours >= 24:
        return time(23, 59, 59)
    minutes = int(round(hours * 60))
    return time(minutes // 60, minutes % 60)


def day_bounds(day, intervals):
    """(start, end) datetimes of the schedule of `day`, or None when the
    day has no working interval."""
    if not intervals:
        return None
    start = min(i[0] for i in intervals)
    end = max(i[1] for i in intervals)
    return (datetime.combine(day, float_to_time(start)),
            datetime.combine(day, float_to_time(end)))


def scheduled_hours(intervals):
    return sum(max(0.0, i[1] - i[0]) for i in intervals or ())


def _minutes(delta):
    return max(0, int(delta.total_seconds() // 60))


def attendance_metrics(check_in, check_out, intervals, grace_minutes=0,
                       first_of_day=True):
    """Metrics of one attendance against the schedule of its day.

    Returns a dict: late_minutes (only for the day's first check-in, and
    only when later than start + grace; then counted from the start),
    early_leave_minutes (check-out before the end), worked_hours and
    overtime_hours (time worked after the scheduled end, or all of it on
    a day without schedule).
    """
    worked = 0.0
    if check_out:
        worked = max(0.0, (check_out - check_in).total_seconds() / 3600.0)
    result = {'late_minutes': 0, 'early_leave_minutes': 0,
              'worked_hours': worked, 'overtime_hours': 0.0}
    bounds = day_bounds(check_in.date(), intervals)
    if not bounds:
        result['overtime_hours'] = worked
        return result
    start, end = bounds
    if first_of_day and check_in > start + timedelta(minutes=grace_minutes):
        result['late_minutes'] = _minutes(check_in - start)
    if check_out:
        if check_out < end:
            result['early_leave_minutes'] = _minutes(end - max(check_out,
                                                               start))
        elif check_out > end:
            result['overtime_hours'] = (
                check_out - max(end, check_in)).total_seconds() / 3600.0
    return result


def day_status(is_holiday, is_working_day, on_leave, on_duty, has_attendance,
               late_minutes=0, day_over=True):
    """Status of an employee-day. Priority: public holiday, weekend, leave,
    official duty, late, present, absent without notice (alpa). A working
    day that is not over yet and has no attendance is None (unknown)."""
    if is_holiday:
        return HOLIDAY
    if not is_working_day:
        return WEEKEND
    if on_leave:
        return LEAVE
    if on_duty:
        return DUTY
    if has_attendance:
        return LATE if late_minutes > 0 else PRESENT
    return ABSENT if day_over else None


def attendance_rate(working_days, present_days, duty_days):
    """Share of working days attended (present, late or on duty), in %."""
    if not working_days:
        return 0.0
    return round(100.0 * (present_days + duty_days) / working_days, 2)
