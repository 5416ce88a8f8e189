def department_head(user):
    """Leader of ``user``'s sales team (所在部门负责人), unless it is ``user`` himself."""
    leader = user.sale_team_id.user_id
    return leader if leader != user else leader.browse()
