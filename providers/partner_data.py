"""The eight partner organisations of the project, as the kick-off note lists them.

Used by the data migration that creates them and by tests that need them back after a flush.
Details beyond the name, country and role in the project are edited by coordinators in the admin.
"""

PARTNERS = [
    # slug, short name, full name, country, city, website, WP led, project leader
    ("ensie", "ENSIE", "European Network of Social Integration Enterprises", "BE", "Brussels",
     "https://www.ensie.org", None, True),
    ("isen", "ISEN", "ISEN", "IE", "", "", 3, False),
    ("aff", "AFF", "AFF", "FI", "", "", 1, False),
    ("cdi-macedonia", "CDI Macedonia", "CDI Macedonia", "MK", "Skopje", "", None, False),
    ("idc-serbia", "IDC Serbia", "Initiative for Development and Cooperation", "RS", "Belgrade",
     "", None, False),
    ("asse", "ASSE", "ASSE", "SK", "Bratislava", "", None, False),
    ("galileo-progetti", "Galileo Progetti", "Galileo Progetti Nonprofit Kft.", "HU", "Budapest",
     "", 2, False),
    ("a3s", "A3S", "A3S – Associação para o Empreendedorismo Social e a Sustentabilidade do "
     "Terceiro Sector", "PT", "Lisbon", "", None, False),
]


def seed_partners(partner_model) -> None:
    for slug, short, name, country, city, website, wp, leader in PARTNERS:
        partner_model.objects.update_or_create(
            slug=slug,
            defaults={
                "short_name": short, "name": name, "country": country, "city": city,
                "website": website, "leads_work_package": wp, "is_project_leader": leader,
            },
        )
