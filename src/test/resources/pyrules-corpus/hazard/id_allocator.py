"""Hands out sequential ids to new jobs."""


class JobIds:
    next_id = 1

    @classmethod
    def allocate(cls):
        job_id = cls.next_id
        cls.next_id = cls.next_id + 1  # expect: FT101
        return job_id
