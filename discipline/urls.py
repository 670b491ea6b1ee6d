app_name = "discipline"
urlpatterns = []
