def migrate(cr, version):
    """Requests made before destruction applications existed were all made by a sweep."""
    cr.execute(
        """
        UPDATE archive_destruction_request request
           SET request_type = 'sweep', target_model_id = model.id
          FROM ir_model model
         WHERE model.model = request.res_model AND request.policy_id IS NOT NULL
        """
    )
