from django.test import TestCase

from .models import Customer


class CustomerSearchTests(TestCase):
    def test_search_by_country(self):
        Customer.objects.create(email="a@example.com", name="A", country="FR", referral_code="x")
        # Test code: its queries never run in production, so no index hint.
        self.assertEqual(Customer.objects.filter(country="FR").count(), 1)  # ok: missing-index
