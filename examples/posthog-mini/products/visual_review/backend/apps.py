from django.apps import AppConfig


class VisualReviewConfig(AppConfig):
    name = "products.visual_review.backend"
    label = "visual_review"
    verbose_name = "Visual Review"
