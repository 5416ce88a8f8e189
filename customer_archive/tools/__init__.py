from .activity import schedule_activity_once
