"""/api/v1/offices/…: the views (`views`) and their serializers (`serializers`)."""
