"""The eight partner organisations of the project, as the kick-off note lists them.

Used by the data migration that creates them and by tests that need them back after a flush.
Each partner's people keep their profile up to date on the partner's edit page; what is here is
the starting point, and a data migration fills in only what nobody has written yet
(:func:`fill_missing_profiles`).
"""

PARTNERS = [
    # slug, short name, full name, country, city, website, WP led, project leader
    ("ensie", "ENSIE", "European Network of Social Integration Enterprises", "BE", "Brussels",
     "https://www.ensie.org", None, True),
    ("isen", "ISEN", "Irish Social Enterprise Network", "IE", "", "", 3, False),
    ("aff", "AFF", "Ateliere Fără Frontiere", "RO", "Bucharest", "", 1, False),
    ("cdi-macedonia", "CDI Macedonia", "Community Development Institute", "MK", "Skopje", "",
     None, False),
    ("idc-serbia", "IDC Serbia", "Initiative for Development and Cooperation", "RS", "Belgrade",
     "", None, False),
    # The project's site names SocioForum as the Slovak partner; ASSE confirms its full name on
    # its edit page.
    ("asse", "ASSE", "ASSE – Slovak partner network for social economy", "SK", "Bratislava", "",
     None, False),
    ("galileo-progetti", "Galileo Progetti", "Galileo Progetti Nonprofit Kft.", "HU", "Budapest",
     "", 2, False),
    ("a3s", "A3S", "A3S – Associação para o Empreendedorismo Social e a Sustentabilidade do "
     "Terceiro Sector", "PT", "Lisbon", "", None, False),
]


# Data, not interface text: English, as the partners wrote it; each partner edits its own.
DESCRIPTIONS = {
    "ensie": "The European network of national and regional networks of work integration social "
             "enterprises, and the leader of Net-Works. ENSIE coordinates the project, its "
             "partners and its reports to the funder.",
    "isen": "A network of social enterprises in Ireland. In Net-Works, ISEN leads the third work "
            "package: **cooperation and financial sustainability** — the good practices, the "
            "sustainability roadmap and the long-term action plan.",
    "aff": "A work integration social enterprise in Romania. In Net-Works, AFF leads the "
           "first work package: **networks capacity building** — the mapping of providers, the "
           "peer-to-peer sessions and the MOOC.",
    "cdi-macedonia": "A civil society organisation in North Macedonia working on community and "
                     "social economy development. In Net-Works it helps structure a network of "
                     "work-based adult education providers in North Macedonia.",
    "idc-serbia": "A non-profit organisation in Serbia supporting social enterprises and the "
                  "people they employ. In Net-Works it helps structure a network of work-based "
                  "adult education providers in Serbia.",
    "asse": "The Slovak partner of Net-Works. It maps Slovakia's work-based adult education "
            "providers and helps bring them together in a network.",
    "galileo-progetti": "A Hungarian non-profit working on social inclusion and adult education. "
                        "In Net-Works it leads the second work package: **pedagogical approach "
                        "promotion** — the methodology inventory, roundtables, study visits and "
                        "the guidebook on external communication.",
    "a3s": "A Portuguese association for social entrepreneurship and the sustainability of the "
           "third sector. In Net-Works it helps structure a network of work-based adult "
           "education providers in Portugal.",
}


def seed_partners(partner_model) -> None:
    for slug, short, name, country, city, website, wp, leader in PARTNERS:
        partner, created = partner_model.objects.get_or_create(
            slug=slug,
            defaults={
                "short_name": short, "name": name, "country": country, "city": city,
                "website": website, "leads_work_package": wp, "is_project_leader": leader,
                "description": DESCRIPTIONS[slug],
            },
        )
        if not created:
            partner_model.objects.filter(pk=partner.pk).update(
                short_name=short, country=country, leads_work_package=wp,
                is_project_leader=leader)
    fill_missing_profiles(partner_model)


def fill_missing_profiles(partner_model) -> int:
    """Give a full name and a description to the partners that lack them (the first seed gave
    some only their short name: "CDI Macedonia (CDI Macedonia)"); what a partner wrote stays."""
    filled = 0
    for slug, _short, name, *_rest in PARTNERS:
        partner = partner_model.objects.filter(slug=slug).first()
        if partner is None:
            continue
        changes = {}
        if not partner.name.strip() or partner.name.strip() == partner.short_name.strip():
            changes["name"] = name
        if not partner.description.strip():
            changes["description"] = DESCRIPTIONS[slug]
        if changes:
            partner_model.objects.filter(pk=partner.pk).update(**changes)
            filled += 1
    return filled
