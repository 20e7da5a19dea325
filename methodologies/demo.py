"""Demo records of work package 2: methodologies in every state, roundtables, publications with
language versions, dissemination activities. Safe to run again: records are found by their slug
or title and left as they are."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from netw.licences import DEFAULT_LICENCE, demo_licence
from netw.models import User
from netw.workflow import Status
from providers.models import Partner, Sector, TargetGroup

from .models import (
    DisseminationActivity,
    Methodology,
    Publication,
    PublicationFile,
    Roundtable,
)
from .services import unique_slug

# title, country, partner, target groups, sectors, setting, duration, language, status, summary,
# organisation of origin
METHODOLOGIES = [
    ("Aprender a produzir numa padaria social", "PT", "a3s", ["long-term-unemployed"],
     ["agriculture-food", "hospitality"], "on_the_job", "9 meses", "pt", "published",
     "Os formandos fazem e vendem pão a clientes reais, acompanhados por um mestre padeiro que "
     "é também tutor de formação em contexto de trabalho.", "Padaria Solidária, Porto"),
    ("Formazione e certificazione dei tutor aziendali nelle imprese sociali", "IT",
     "galileo-progetti", ["disabilities", "long-term-unemployed"], ["manufacturing", "cleaning"],
     "mixed", "60 ore", "it", "published",
     "Un percorso breve che trasforma lavoratori esperti in tutor certificati, capaci di "
     "progettare, osservare e valutare l'apprendimento sul posto di lavoro.",
     "Consorzio Sociale Veneto"),
    ("Пасош вештина за Роме који траже посао", "RS", "idc-serbia", ["roma", "low-skilled"],
     ["construction", "recycling"], "on_the_job", "6 месеци", "sr", "published",
     "Портфолио у које се бележи шта сваки полазник уме да уради на градилишту, признат у три "
     "општинске службе за запошљавање.", "Ромски центар Ниш"),
    ("Зелени работни места во општинската рециклажа", "MK", "cdi-macedonia",
     ["long-term-unemployed"], ["recycling"], "on_the_job", "12 месеци", "mk", "published",
     "Сортирање и поправка во општински рециклажен центар, со неделни часови за безбедност при "
     "работа и услужување на корисниците.", "Еко Скопје"),
    ("Second-hand obchod ako tréningové pracovisko", "SK", "asse",
     ["women-returners", "low-skilled"], ["logistics-retail", "textiles-crafts"], "on_the_job",
     "6 mesiacov", "sk", "published",
     "Ženy, ktoré sa vracajú na trh práce, sa v charitatívnom obchode prevádzkovanom ako "
     "sociálny podnik učia predaj, prácu so skladom a obsluhu pokladne.", "Dobrý obchod Košice"),
    ("Kertészeti szövetkezet fiataloknak", "HU", "galileo-progetti", ["young-neet"],
     ["agriculture-food"], "mixed", "egy szezon", "hu", "published",
     "Sem nem dolgozó, sem nem tanuló fiatalok közösen működtetnek egy piaci kertészetet "
     "mentor segítségével, heti alapfokú könyvelési foglalkozásokkal.", "Kert Szövetkezet Pécs"),
    ("Peer mentoring between former and new trainees", "BE", "ensie",
     ["long-term-unemployed", "ex-offenders"], ["cleaning", "care"], "on_the_job", "ongoing",
     "en", "published",
     "Former trainees now employed mentor newcomers during their first three months, paid for "
     "two hours a week.", "Groupe Terre, Liège"),
    ("Restaurante-escola de restauração", "PT", "a3s", ["migrants-refugees", "young-neet"],
     ["hospitality"], "mixed", "10 meses", "pt", "published",
     "Um restaurante aberto ao público onde os formandos rodam entre a cozinha e a sala, com "
     "aulas de português construídas a partir da ementa.", "Cozinha Comum, Lisboa"),
    ("L'italiano sul lavoro per rifugiati", "IT", "galileo-progetti", ["migrants-refugees"],
     ["care", "hospitality"], "mixed", "4 mesi", "it", "published",
     "L'italiano si impara in servizio, con schede di frasi per ogni postazione e un collega "
     "che ogni giorno verifica la comprensione.", "Cooperativa Il Ponte, Padova"),
    ("Штампарија са подржаним запошљавањем", "RS", "idc-serbia", ["disabilities"],
     ["manufacturing"], "on_the_job", "неограничено", "sr", "published",
     "Штампарија која запошљава особе са интелектуалним тешкоћама, уз радног асистента који "
     "сваку поруџбину рашчлањује на кораке које је могуће савладати.", "Штампарија Плус, Београд"),
    ("Renovačné tímy pre energetickú efektívnosť", "SK", "asse",
     ["long-term-unemployed", "roma"], ["construction"], "on_the_job", "8 mesiacov", "sk",
     "published",
     "Zmiešané tímy zatepľujú sociálne byty; každý účastník získa uznanú čiastočnú "
     "kvalifikáciu v stavebníctve.", "Stavebná sociálna firma Prešov"),
    ("Digitális készségek számítógépek felújításával", "HU", "galileo-progetti",
     ["low-skilled", "older-workers"], ["digital", "recycling"], "mixed", "5 hónap", "hu",
     "published",
     "Ötven év feletti álláskeresők felajánlott laptopokat újítanak fel, és minden megjavított "
     "gép tesztelése közben sajátítják el a digitális készségeket.",
     "Digitális Híd Egyesület, Budapest"),
    ("Laundry service with integrated counselling", "BE", "ensie", ["homeless"], ["cleaning"],
     "on_the_job", "6 months", "en", "published",
     "An industrial laundry where a social worker is part of the team and meets trainees "
     "during working hours.", "Lavoir Social, Bruxelles"),
    ("Чиракување „од нива до трпеза“", "MK", "cdi-macedonia", ["young-neet", "roma"],
     ["agriculture-food", "hospitality"], "on_the_job", "9 месеци", "mk", "published",
     "Чираците ги следат производите од нивата до чинијата: една недела работат на фарма, "
     "другата во нејзиниот ресторан.", "Задруга Охрид"),
    ("Formação de ajudantes de ação direta em pequenos grupos", "PT", "a3s",
     ["women-returners"], ["care"], "classroom", "300 horas", "pt", "published",
     "Módulos em sala alternam com estágios supervisionados em centros de dia para pessoas "
     "idosas; grupos de oito formandas garantem um acompanhamento próximo.",
     "Santa Casa de Braga"),
    ("Job carving with local employers", "IT", "galileo-progetti", ["disabilities"],
     ["logistics-retail"], "on_the_job", "3 months", "en", "published",
     "A job coach studies a company's tasks and carves a job out of them that fits one "
     "trainee's strengths.", "Fondazione Lavoro Insieme, Bologna"),
    ("Oprava a požičiavanie bicyklov", "SK", "asse", ["young-neet"], ["manufacturing"],
     "on_the_job", "6 mesiacov", "sk", "published",
     "Mladí ľudia opravujú bicykle a prevádzkujú požičovňu v centre mesta, kde sa učia "
     "mechaniku aj prácu so zákazníkmi.", "Bicykel Bratislava"),
    ("Visszailleszkedés a börtön után asztalosmunkával", "HU", "galileo-progetti",
     ["ex-offenders"], ["textiles-crafts", "manufacturing"], "on_the_job", "12 hónap", "hu",
     "published",
     "Az asztalosműhely már a börtönben elindul, és szabadulás után is folytatódik, ugyanazzal "
     "az oktatóval.", "Fa-Műhely Alapítvány, Szeged"),
    ("Обука за логистику у социјалном супермаркету", "RS", "idc-serbia",
     ["long-term-unemployed"], ["logistics-retail"], "mixed", "5 месеци", "sr", "published",
     "Рад у магацину и на рафовима социјалног супермаркета, а на крају обуке полазници стичу "
     "уверење за руковаоца виљушкаром.", "Солидарни маркет, Нови Сад"),
    ("Cleaning teams with modular certificates", "BE", "ensie", ["low-skilled"],
     ["cleaning"], "mixed", "7 months", "en", "published",
     "Each module of the professional cleaning qualification is validated on the job by an "
     "external assessor.", "Net-Clean Coopérative, Namur"),
    ("Tourism guides from the community", "MK", "cdi-macedonia", ["young-neet"],
     ["hospitality"], "mixed", "4 months", "en", "published",
     "Young people train as local guides, designing tours of their own neighbourhood with a "
     "tourism agency.", "Patuvaj Lokalno, Bitola"),
    ("Competências de call center para pessoas com deficiência visual", "PT", "a3s",
     ["disabilities"], ["digital"], "classroom", "3 meses", "pt", "submitted",
     "Formação com leitor de ecrã para funções de apoio ao cliente, concluída com um estágio "
     "remunerado.", "Acessível Contact, Coimbra"),
    ("Upcycling tessile con donne migranti", "IT", "galileo-progetti",
     ["migrants-refugees", "women-returners"], ["textiles-crafts"], "on_the_job", "8 mesi",
     "it", "submitted",
     "Una sartoria trasforma abiti donati in nuovi prodotti venduti online e nei mercatini.",
     "Sartoria Migrante, Torino"),
    ("Kuchynská brigáda pre ľudí bez domova", "SK", "asse", ["homeless"], ["hospitality"],
     "on_the_job", "6 mesiacov", "sk", "submitted",
     "Vývarovňu prevádzkujú samotní účastníci, ktorí v kuchynskej brigáde postupujú vyššie, "
     "ako získavajú zručnosti.", "Polievka pre všetkých, Žilina"),
    ("Šumarske ekipe u seoskim opštinama", "RS", "idc-serbia", ["long-term-unemployed"],
     ["agriculture-food"], "on_the_job", "9 meseci", "sr-latn", "draft",
     "Sezonski rad u šumarstvu, uz sertifikat za rad motornom testerom i obuku iz prve pomoći.",
     ""),
    ("Mozgó javítókávézó", "HU", "galileo-progetti", ["older-workers"], ["recycling"],
     "mixed", "", "hu", "draft",
     "Egy kisbusz, amely falvakat keres fel; a résztvevők a lakókkal együtt javítják meg a "
     "háztartási gépeket.", ""),
    ("Academia de housekeeping hoteleiro", "PT", "a3s", ["migrants-refugees"],
     ["hospitality", "cleaning"], "", "", "pt", "draft",
     "Parceria com três hotéis do Algarve (a completar).", ""),
]

# The demo's short names → the registry's codes (providers.vocabulary).
TARGET_GROUP_CODES = {
    "long-term-unemployed": "long_term_unemployed", "young-neet": "neet",
    "migrants-refugees": "migrants", "disabilities": "disability", "roma": "roma",
    "older-workers": "older_workers", "low-skilled": "low_skilled",
    "ex-offenders": "ex_offenders", "women-returners": "women", "homeless": "homeless",
}
SECTOR_CODES = {
    "agriculture-food": "agriculture", "hospitality": "hospitality",
    "construction": "construction", "recycling": "recycling", "logistics-retail": "retail",
    "textiles-crafts": "textile", "care": "care", "cleaning": "cleaning", "digital": "digital",
    "manufacturing": "manufacturing",
}

# The methodology's long text in the language it is written in: body ({origin}), problem,
# evidence ({year}) and transfer, as a partner in that country would write them.
TEXTS = {
    "en": {
        "body": "## How it works\n\n"
                "- **Recruitment:** candidates are referred by the public employment service and "
                "social services, then meet the team for a trial week.\n"
                "- **Learning at work:** each trainee has an individual learning plan reviewed "
                "monthly with the tutor.\n"
                "- **Support:** a social worker helps with housing, childcare and paperwork.\n\n"
                "The methodology was developed by {origin} and shared through the Net-Works "
                "roundtables.",
        "problem": "People far from the labour market learn little in courses disconnected "
                   "from real work, and employers hesitate to hire them without proof of what "
                   "they can do.",
        "evidence": "Of the last three cohorts, about two thirds found a job or entered further "
                    "training within twelve months; trainees' self-confidence scores rose on "
                    "average by a third (own monitoring, {year}).",
        "transfer": "Needs a real production activity with customers, one tutor for every six "
                    "trainees, and a partnership with the local employment office. Start with a "
                    "pilot group of eight.\n\n1. Train the tutors.\n2. Map the tasks.\n"
                    "3. Agree on recognition of skills with a certification body.",
    },
    "pt": {
        "body": "## Como funciona\n\n"
                "- **Recrutamento:** os candidatos são encaminhados pelo IEFP e pelos serviços "
                "de ação social e fazem uma semana experimental com a equipa.\n"
                "- **Aprendizagem em contexto de trabalho:** cada formando tem um plano "
                "individual de formação, revisto todos os meses com o tutor.\n"
                "- **Acompanhamento:** uma técnica de serviço social apoia nas questões de "
                "habitação, guarda dos filhos e documentação.\n\n"
                "A metodologia foi desenvolvida por {origin} e partilhada nas mesas-redondas "
                "do projeto Net-Works.",
        "problem": "As pessoas afastadas do mercado de trabalho aprendem pouco em cursos "
                   "desligados do trabalho real, e os empregadores hesitam em contratá-las sem "
                   "provas daquilo que sabem fazer.",
        "evidence": "Nas três últimas turmas, cerca de dois terços dos formandos encontraram "
                    "emprego ou prosseguiram a formação no prazo de doze meses; a autoconfiança "
                    "medida subiu, em média, um terço (monitorização própria, {year}).",
        "transfer": "Exige uma atividade produtiva real, com clientes, um tutor por cada seis "
                    "formandos e uma parceria com o centro de emprego local. Comece com um "
                    "grupo-piloto de oito pessoas.\n\n1. Formar os tutores.\n"
                    "2. Mapear as tarefas.\n3. Acordar o reconhecimento de competências com uma "
                    "entidade certificadora.",
    },
    "it": {
        "body": "## Come funziona\n\n"
                "- **Selezione:** i candidati sono segnalati dai centri per l'impiego e dai "
                "servizi sociali, poi trascorrono una settimana di prova con l'équipe.\n"
                "- **Apprendimento sul lavoro:** ogni persona in inserimento ha un progetto "
                "formativo individuale, verificato ogni mese con il tutor.\n"
                "- **Accompagnamento:** un'assistente sociale aiuta con casa, figli e "
                "pratiche.\n\n"
                "La metodologia è stata sviluppata da {origin} e condivisa nelle tavole "
                "rotonde di Net-Works.",
        "problem": "Le persone lontane dal mercato del lavoro imparano poco in corsi scollegati "
                   "dal lavoro reale, e le aziende esitano ad assumerle senza prove di ciò che "
                   "sanno fare.",
        "evidence": "Nelle ultime tre edizioni circa due terzi dei partecipanti hanno trovato "
                    "lavoro o proseguito la formazione entro dodici mesi; l'autostima misurata è "
                    "cresciuta in media di un terzo (monitoraggio interno, {year}).",
        "transfer": "Servono un'attività produttiva vera, con clienti, un tutor ogni sei "
                    "persone e un accordo con il centro per l'impiego. Si parte con un gruppo "
                    "pilota di otto.\n\n1. Formare i tutor.\n2. Mappare le mansioni.\n"
                    "3. Concordare la certificazione delle competenze con un ente accreditato.",
    },
    "sr": {
        "body": "## Како функционише\n\n"
                "- **Одабир:** кандидате упућују Национална служба за запошљавање и центри за "
                "социјални рад, а затим проводе пробну недељу са тимом.\n"
                "- **Учење кроз рад:** сваки полазник има индивидуални план учења који се "
                "сваког месеца разматра са ментором.\n"
                "- **Подршка:** социјални радник помаже око становања, чувања деце и "
                "документације.\n\n"
                "Методологију је развила организација {origin}, а представљена је на "
                "округлим столовима пројекта Net-Works.",
        "problem": "Особе удаљене од тржишта рада мало науче на курсевима који нису повезани са "
                   "стварним радом, а послодавци оклевају да их запосле без доказа о томе шта "
                   "умеју.",
        "evidence": "У последње три генерације око две трећине полазника нашло је посао или "
                    "наставило обуку у року од дванаест месеци; самопоуздање полазника порасло "
                    "је у просеку за трећину (сопствено праћење, {year}).",
        "transfer": "Потребни су права производна делатност са купцима, један ментор на шест "
                    "полазника и сарадња са локалном филијалом службе за запошљавање. Почните "
                    "са пилот-групом од осам особа.\n\n1. Обучите менторе.\n"
                    "2. Мапирајте радне задатке.\n3. Договорите признавање вештина са "
                    "овлашћеном институцијом.",
    },
    "sr-latn": {
        "body": "## Kako funkcioniše\n\n"
                "- **Odabir:** kandidate upućuju Nacionalna služba za zapošljavanje i centri za "
                "socijalni rad.\n"
                "- **Učenje kroz rad:** svaki polaznik ima individualni plan učenja.\n\n"
                "Metodologiju je razvila organizacija {origin}.",
        "problem": "Osobe udaljene od tržišta rada malo nauče na kursevima koji nisu povezani sa "
                   "stvarnim radom, a poslodavci oklevaju da ih zaposle bez dokaza o tome šta "
                   "umeju.",
        "evidence": "Oko dve trećine polaznika našlo je posao u roku od dvanaest meseci "
                    "(sopstveno praćenje, {year}).",
        "transfer": "Potrebni su prava proizvodna delatnost, jedan mentor na šest polaznika i "
                    "saradnja sa lokalnom filijalom službe za zapošljavanje.",
    },
    "mk": {
        "body": "## Како функционира\n\n"
                "- **Избор:** кандидатите ги упатуваат Агенцијата за вработување и центрите "
                "за социјална работа, а потоа поминуваат пробна недела со тимот.\n"
                "- **Учење преку работа:** секој учесник има индивидуален план за учење, кој "
                "секој месец се разгледува со менторот.\n"
                "- **Поддршка:** социјален работник помага околу домувањето, грижата за "
                "децата и документите.\n\n"
                "Методологијата ја разви {origin}, а беше споделена на тркалезните маси на "
                "проектот Net-Works.",
        "problem": "Лицата оддалечени од пазарот на трудот малку научуваат на курсеви што не се "
                   "поврзани со вистинска работа, а работодавачите се двоумат да ги вработат "
                   "без доказ за тоа што знаат да работат.",
        "evidence": "Од последните три генерации, околу две третини нашле работа или продолжиле "
                    "со обука во рок од дванаесет месеци; самодовербата на учесниците се "
                    "зголеми во просек за една третина (сопствено следење, {year}).",
        "transfer": "Потребни се вистинска производна дејност со купувачи, еден ментор на шест "
                    "учесници и партнерство со локалниот центар за вработување. Започнете со "
                    "пилот-група од осум лица.\n\n1. Обучете ги менторите.\n"
                    "2. Мапирајте ги работните задачи.\n3. Договорете признавање на вештините "
                    "со овластена институција.",
    },
    "sk": {
        "body": "## Ako to funguje\n\n"
                "- **Výber:** uchádzačov odporúča úrad práce, sociálnych vecí a rodiny a "
                "sociálne služby; potom absolvujú skúšobný týždeň s tímom.\n"
                "- **Učenie sa pri práci:** každý účastník má individuálny plán vzdelávania, "
                "ktorý mesačne prehodnocuje so svojím tútorom.\n"
                "- **Podpora:** sociálna pracovníčka pomáha s bývaním, starostlivosťou o deti "
                "a úradnými záležitosťami.\n\n"
                "Metodiku vyvinula organizácia {origin} a predstavila ju na okrúhlych stoloch "
                "projektu Net-Works.",
        "problem": "Ľudia vzdialení od trhu práce sa na kurzoch odtrhnutých od skutočnej práce "
                   "naučia málo a zamestnávatelia váhajú prijať ich bez dôkazu o tom, čo "
                   "dokážu.",
        "evidence": "Z posledných troch skupín si približne dve tretiny účastníkov do dvanástich "
                    "mesiacov našli prácu alebo pokračovali vo vzdelávaní; ich sebadôvera sa v "
                    "priemere zvýšila o tretinu (vlastný monitoring, {year}).",
        "transfer": "Predpokladom je skutočná výrobná činnosť so zákazníkmi, jeden tútor na "
                    "šiestich účastníkov a partnerstvo s miestnym úradom práce. Začnite "
                    "pilotnou skupinou ôsmich ľudí.\n\n1. Vyškoľte tútorov.\n"
                    "2. Zmapujte pracovné úlohy.\n3. Dohodnite uznávanie zručností s "
                    "certifikačným orgánom.",
    },
    "hu": {
        "body": "## Hogyan működik\n\n"
                "- **Toborzás:** a jelölteket a foglalkoztatási osztály és a szociális "
                "szolgáltatók irányítják hozzánk, majd egy próbahetet töltenek a csapattal.\n"
                "- **Munkahelyi tanulás:** minden résztvevőnek egyéni fejlesztési terve van, "
                "amelyet havonta átbeszél a mentorával.\n"
                "- **Támogatás:** szociális munkás segít a lakhatási, gyermekfelügyeleti és "
                "ügyintézési kérdésekben.\n\n"
                "Kidolgozója: {origin}. A módszertant a Net-Works kerekasztalain mutattuk "
                "be a partnereknek.",
        "problem": "A munkaerőpiactól távol került emberek keveset tanulnak a valódi munkától "
                   "elszakadt tanfolyamokon, a munkáltatók pedig vonakodnak felvenni őket, amíg "
                   "nem látják, mire képesek.",
        "evidence": "Az utolsó három csoportból a résztvevők mintegy kétharmada tizenkét "
                    "hónapon belül elhelyezkedett vagy továbbtanult; önbizalmuk átlagosan "
                    "harmadával nőtt (saját nyomon követés, {year}).",
        "transfer": "Valódi, vevőkkel dolgozó termelő tevékenység, hat résztvevőnként egy "
                    "mentor és a helyi foglalkoztatási osztállyal kötött együttműködés kell "
                    "hozzá. Kezdje egy nyolcfős kísérleti csoporttal.\n\n"
                    "1. Képezze ki a mentorokat.\n2. Térképezze fel a feladatokat.\n"
                    "3. Állapodjon meg egy tanúsító szervezettel a készségek elismeréséről.",
    },
}

ROUNDTABLES = [
    # title, theme, partner, days from now, hours, timezone, place, public, conclusions
    ("Roundtable: tutoring at the workplace", "How work tutors plan and assess learning",
     "galileo-progetti", -150, 3, "Europe/Rome", "Padova, Galileo Progetti", True,
     "Tutors need protected time; a shared certification of tutors would help transfer."),
    ("Roundtable: recognising skills learnt at work", "Portfolios, passports and partial "
     "qualifications", "idc-serbia", -60, 3, "Europe/Belgrade", "Belgrade, IDC office", True,
     "Skills passports work when employment offices take part from the start."),
    ("Roundtable: methodologies for young people not in work or school", "Youth and "
     "work-based learning", "asse", 25, 3, "Europe/Bratislava", "Bratislava", True, ""),
    ("Partners' preparation meeting for the inventory", "Choosing what enters the inventory",
     "galileo-progetti", 40, 2, "Europe/Rome", "", False, ""),
]

GUIDEBOOK_LANGUAGES = ["en", "pt", "sr", "mk", "hu", "sk", "it"]

ACTIVITIES = [
    # kind, days ago, title, channel, audience, reached, country, partner, language
    ("event", 200, "Presentation of Net-Works at the ENSIE annual conference",
     "ENSIE annual conference", "social_economy", 180, "BE", "ensie", "en"),
    ("social", 190, "Launch post for the methodology inventory", "LinkedIn", "providers", 2400,
     "", "ensie", "en"),
    ("article", 170, "Interview on work integration in Portugal", "Público newspaper",
     "general", 15000, "PT", "a3s", "pt"),
    ("newsletter", 160, "Newsletter: first roundtable results", "A3S newsletter",
     "providers", 900, "PT", "a3s", "pt"),
    ("workshop", 140, "Workshop with municipal employment offices", "Niš city hall",
     "policy", 35, "RS", "idc-serbia", "sr"),
    ("press", 120, "Press release on the study visit to Italy", "National press agency",
     "media", 60, "MK", "cdi-macedonia", "mk"),
    ("video", 100, "Video portrait of a social bakery trainee", "YouTube", "general", 5200,
     "PT", "a3s", "pt"),
    ("event", 90, "Stand at the social economy fair", "Social economy fair Budapest",
     "general", 400, "HU", "galileo-progetti", "hu"),
    ("website", 80, "Methodology pages translated into Slovak", "asse.sk", "providers", 1300,
     "SK", "asse", "sk"),
    ("social", 70, "Campaign: #WorkBasedLearningWorks", "Facebook and Instagram", "learners",
     8100, "", "galileo-progetti", "en"),
    ("event", 60, "Hearing at the Ministry of Labour", "Ministry of Labour, Skopje", "policy",
     25, "MK", "cdi-macedonia", "mk"),
    ("article", 45, "Column on financing social enterprises", "Social economy magazine",
     "funders", 3000, "IT", "galileo-progetti", "it"),
    ("workshop", 30, "Training for communication officers of member networks", "Online",
     "providers", 48, "", "isen", "en"),
    ("newsletter", 20, "Guidebook on external communication announced", "ENSIE newsletter",
     "social_economy", 3500, "", "ensie", "en"),
    ("event", 10, "Panel at the European Vocational Skills Week", "EU Vocational Skills Week",
     "policy", 250, "BE", "ensie", "en"),
]


def _pdf(title: str) -> bytes:
    """A small, valid one-page PDF whose page shows ``title``."""
    text = title.replace("\\", "").replace("(", "").replace(")", "")
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _person(partner: Partner) -> User | None:
    return User.objects.filter(memberships__partner=partner).order_by("pk").first()


@transaction.atomic
def seed(stdout) -> None:
    partners = {p.slug: p for p in Partner.objects.all()}
    reviewer = User.objects.filter(email="lead.wp2@demo.net-works.eu").first()
    groups = {g.code: g for g in TargetGroup.objects.all()}
    sectors = {s.code: s for s in Sector.objects.all()}
    now = timezone.now()
    created = 0
    made: list[Methodology] = []
    for index, (title, country, slug, target, sector, setting, duration, language, status,
                summary, origin) in enumerate(METHODOLOGIES):
        partner = partners[slug]
        author = _person(partner)
        text = TEXTS[language]
        methodology, was_created = Methodology.objects.get_or_create(
            title=title,
            defaults={
                "slug": unique_slug(Methodology, title),
                "owner_partner": partner, "created_by": author, "updated_by": author,
                "language": language, "country": country, "summary": summary,
                "body": text["body"].format(origin=origin or partner.name)
                if status != "draft" else summary,
                "problem": text["problem"], "learning_setting": setting, "duration": duration,
                "origin_organisation": origin, "licence": demo_licence(index),
                "evidence": text["evidence"].format(year=2025) if status != "draft" else "",
                "transfer": text["transfer"] if status != "draft" else "",
                "resources": "- [Net-Works project](https://www.ensie.org)" if index % 3 == 0
                else "",
                "status": status,
                "submitted_at": now - dt.timedelta(days=100 - index) if status != "draft"
                else None,
                "submitted_by": author if status != "draft" else None,
                "published_at": now - dt.timedelta(days=90 - index * 3)
                if status == Status.PUBLISHED else None,
                "published_by": reviewer if status == Status.PUBLISHED else None,
            },
        )
        if was_created:
            created += 1
            methodology.target_groups.set([groups[TARGET_GROUP_CODES[c]] for c in target])
            methodology.sectors.set([sectors[SECTOR_CODES[c]] for c in sector])
        made.append(methodology)
    published = [m for m in made if m.status == Status.PUBLISHED]
    for a, b in ((0, 7), (1, 15), (2, 10), (4, 12), (5, 13), (3, 11)):
        made[a].related.add(made[b])

    for title, theme, slug, days, hours, tz, place, public, conclusions in ROUNDTABLES:
        partner = partners[slug]
        local = (timezone.now().astimezone(zoneinfo.ZoneInfo(tz)) + dt.timedelta(days=days)
                 ).replace(hour=10, minute=0, second=0, microsecond=0)
        roundtable, was_created = Roundtable.objects.get_or_create(
            title=title,
            defaults={"theme": theme, "owner_partner": partner, "starts_at": local,
                      "ends_at": local + dt.timedelta(hours=hours), "timezone": tz,
                      "location": place, "online_url": "" if place else
                      "https://meet.example.org/net-works-partners",
                      "is_public": public, "conclusions": conclusions,
                      "created_by": _person(partner),
                      "description": f"A roundtable on **{theme.lower()}**, open to the "
                                     "partners' member providers."},
        )
        if was_created:
            roundtable.methodologies.set(published[len(title) % 5: len(title) % 5 + 3])
            roundtable.participants.set(User.objects.filter(memberships__isnull=False)
                                        .distinct()[:6])
            if conclusions:
                roundtable.outcomes.set(published[:2])

    guidebook, was_created = Publication.objects.get_or_create(
        slug="guidebook-external-communication",
        defaults={
            "title": "Guidebook on external communication for work-based education providers",
            "kind": "guidebook", "language": "en", "owner_partner": partners["galileo-progetti"],
            "summary": "How providers and their networks can tell their story to public "
                       "authorities, employers, the media and the public: messages, channels, "
                       "campaigns and measuring their effect, with examples from the partners.",
            "issued_on": dt.date(2026, 3, 1), "status": Status.PUBLISHED,
            "licence": DEFAULT_LICENCE,
            "published_at": now - dt.timedelta(days=20), "published_by": reviewer,
            "created_by": reviewer,
        },
    )
    if was_created:
        for language in GUIDEBOOK_LANGUAGES:
            content = _pdf(f"Guidebook on external communication ({language})")
            version = PublicationFile(publication=guidebook, language=language,
                                      size=len(content), uploaded_by=reviewer)
            version.file.save(f"guidebook-{language}.pdf", ContentFile(content), save=True)
    Publication.objects.get_or_create(
        slug="inventory-report-2026",
        defaults={"title": "The methodology inventory: what the partners learnt",
                  "kind": "report", "language": "en", "owner_partner": partners["ensie"],
                  "summary": "A first reading of the inventory (draft).",
                  "licence": "CC-BY-SA-4.0",
                  "status": Status.DRAFT},
    )

    for kind, days, title, channel, audience, reached, country, slug, language in ACTIVITIES:
        DisseminationActivity.objects.get_or_create(
            title=title,
            defaults={"kind": kind, "date": timezone.localdate() - dt.timedelta(days=days),
                      "channel": channel, "audience": audience, "people_reached": reached,
                      "country": country, "owner_partner": partners[slug],
                      "language": language, "created_by": _person(partners[slug]),
                      "link": "https://www.ensie.org/net-works" if days % 20 == 0 else ""},
        )
    visits = _seed_visits(partners, published, now)
    stdout.write(f"Methodologies: {created} new; {len(METHODOLOGIES)} in the demo "
                 f"({len(published)} published), {len(ROUNDTABLES)} roundtables, "
                 f"{len(ACTIVITIES)} dissemination activities, the Guidebook in "
                 f"{len(GUIDEBOOK_LANGUAGES)} languages, {visits} study visits.")
    seed_translations(stdout)


# Networks used when the registry's demo has none: name, country, maturity, partner,
# wants or offers (topic slugs).
NETWORKS = [
    ("Mreža socijalnih preduzeća Srbije", "RS", "emerging", "idc-serbia",
     ["core-drivers", "advocacy-communication", "network-perks"]),
    ("Мрежа за социјално претприемништво", "MK", "emerging", "cdi-macedonia",
     ["advocacy-communication", "representation-leadership"]),
    ("Rede de Empresas de Inserção", "PT", "emerging", "a3s", ["core-drivers", "best-practices"]),
    ("Federazione delle cooperative sociali di inserimento", "IT", "established",
     "galileo-progetti", ["core-drivers", "best-practices", "network-perks"]),
    ("Réseau des entreprises sociales d'insertion", "BE", "established", "ensie",
     ["advocacy-communication", "representation-leadership", "core-drivers"]),
]


def _seed_visits(partners, published, now) -> int:
    """Matchmaking profiles, two study visits and a few adoptions, on the registry's networks
    and providers (a handful of networks is added only when the registry has none)."""
    from providers.models import Network, Provider

    from .models import Adoption, MatchmakingProfile, StudyVisit

    if not Network.objects.filter(maturity="emerging").exists() or not Network.objects.filter(
            maturity="established").exists():
        for name, country, maturity, slug, _topics in NETWORKS:
            Network.objects.get_or_create(name=name, defaults={
                "country": country, "maturity": maturity, "level": "national",
                "representing_partner": partners[slug], "owner_partner": partners[slug]})
    topics = {name: t for name, _c, _m, _s, t in NETWORKS}
    emerging = list(Network.objects.filter(maturity="emerging").order_by("pk")[:5])
    established = list(Network.objects.filter(maturity="established").order_by("pk")[:5])
    defaults = [["core-drivers", "advocacy-communication"], ["network-perks", "best-practices"],
                ["representation-leadership", "core-drivers"]]
    for i, network in enumerate(emerging + established):
        chosen = topics.get(network.name, defaults[i % len(defaults)])
        field = "wants" if network.maturity == "emerging" else "offers"
        MatchmakingProfile.objects.get_or_create(network=network, defaults={field: chosen})
    made = 0
    for i, (visiting, host) in enumerate(zip(emerging[:2], established[:2], strict=False)):
        days = -45 if i == 0 else 30
        local = (now + dt.timedelta(days=days)).astimezone(zoneinfo.ZoneInfo("Europe/Rome")
                                                            ).replace(hour=9, minute=0,
                                                                      second=0, microsecond=0)
        partner = visiting.representing_partner or partners["galileo-progetti"]
        visit, was_created = StudyVisit.objects.get_or_create(
            title=f"Study visit of {visiting} to {host}",
            defaults={"owner_partner": partner, "visiting_network": visiting,
                      "host_network": host, "starts_at": local,
                      "ends_at": local + dt.timedelta(days=2, hours=8),
                      "timezone": "Europe/Rome", "location": host.country.name or "Padova",
                      "topics": ["core-drivers", "best-practices"],
                      "objectives": "See how an established network governs itself, funds its "
                                    "services and speaks for its members.",
                      "programme": "- Day 1: governance and membership\n"
                                   "- Day 2: visits to three member enterprises\n"
                                   "- Day 3: advocacy with the region",
                      "report": "The visitors met the board and three members." if days < 0
                      else "",
                      "lessons_learnt": "A membership fee scaled to turnover keeps small "
                                        "members in." if days < 0 else "",
                      "created_by": _person(partner)})
        made += 1
        if was_created:
            visit.participants.set(User.objects.filter(memberships__partner=partner)[:3])
    providers = list(Provider.objects.order_by("pk")[:6])
    for i, provider in enumerate(providers):
        methodology = published[i % max(len(published), 1)] if published else None
        if methodology is None:
            break
        Adoption.objects.get_or_create(
            methodology=methodology, provider=provider,
            defaults={"owner_partner": provider.owner_partner,
                      "since": dt.date(2025, 1 + i, 1), "place": provider.city,
                      "result": "Two cohorts trained so far; most trainees stayed on."})
    return made


# --- Translations (netw/translations.py): English versions of focus-language methodologies and
# Hungarian / Portuguese versions of English ones, written by the translator's partner; one is
# still a draft. Original title → (language, partner, status, title, summary, duration).
TRANSLATIONS = {
    "Aprender a produzir numa padaria social": [
        ("en", "a3s", Status.PUBLISHED, "Learning by producing in a social bakery",
         "Trainees bake and sell bread for real customers, coached by a master baker who is "
         "also a trained work tutor.", "9 months"),
    ],
    "Kertészeti szövetkezet fiataloknak": [
        ("en", "galileo-progetti", Status.PUBLISHED, "Garden cooperatives for young people",
         "Young people not in work or school run a market garden together, with a mentor and "
         "weekly lessons in basic accounting.", "1 season"),
    ],
    "Пасош вештина за Роме који траже посао": [
        ("en", "idc-serbia", Status.PUBLISHED, "Skills passport for Roma jobseekers",
         "A portfolio that records what each trainee can do on site, recognised by three "
         "municipal employment offices.", "6 months"),
    ],
    "Peer mentoring between former and new trainees": [
        ("hu", "galileo-progetti", Status.PUBLISHED,
         "Mentorálás a korábbi és az új résztvevők között",
         "A már elhelyezkedett korábbi résztvevők az első három hónapban mentorálják az újonnan "
         "érkezőket, heti két fizetett órában.", "folyamatos"),
        ("pt", "a3s", Status.PUBLISHED, "Mentoria entre antigos e novos formandos",
         "Antigos formandos, hoje empregados, acompanham os recém-chegados durante os primeiros "
         "três meses, com duas horas semanais remuneradas.", "contínua"),
    ],
    "Job carving with local employers": [
        ("pt", "a3s", Status.DRAFT, "Job carving com empregadores locais",
         "Um técnico de acompanhamento analisa as tarefas de uma empresa e recorta, a partir "
         "delas, um posto de trabalho à medida dos pontos fortes de um formando.", "3 meses"),
    ],
}

PUBLICATION_TRANSLATIONS = {
    "guidebook-external-communication": [
        ("pt", "a3s", Status.PUBLISHED,
         "Guia de comunicação externa para entidades de formação em contexto de trabalho",
         "Como as entidades formadoras e as suas redes podem contar a sua história às "
         "autoridades públicas, aos empregadores, aos meios de comunicação social e ao público: "
         "mensagens, canais, campanhas e avaliação do seu efeito, com exemplos dos parceiros."),
        ("hu", "galileo-progetti", Status.PUBLISHED,
         "Útmutató a munkahelyi képzést nyújtó szervezetek külső kommunikációjához",
         "Hogyan mutathatják be munkájukat a képző szervezetek és hálózataik a hatóságoknak, a "
         "munkáltatóknak, a sajtónak és a nagyközönségnek: üzenetek, csatornák, kampányok és "
         "hatásuk mérése, a partnerek példáival."),
    ],
}


def _workflow_stamp(record, status, author, reviewer, now) -> None:
    """The demo's shortcut through the review: the dates and people a real review leaves."""
    record.status = status
    if status != Status.DRAFT:
        record.submitted_at, record.submitted_by = now - dt.timedelta(days=12), author
    if status == Status.PUBLISHED:
        record.published_at, record.published_by = now - dt.timedelta(days=10), reviewer


@transaction.atomic
def seed_translations(stdout) -> None:
    """The demo's translations, through the core's rules (netw.translations.translation_new) and
    the app's save service; a language the original already has is left alone."""
    from netw.translations import taken_languages, translation_new

    from .services import methodology_save, publication_save

    partners = {p.slug: p for p in Partner.objects.all()}
    reviewer = User.objects.filter(email="lead.wp2@demo.net-works.eu").first()
    now = timezone.now()
    made = 0
    for title, versions in TRANSLATIONS.items():
        original = Methodology.objects.originals().filter(title=title).first()
        if original is None:
            continue
        for language, slug, status, t_title, summary, duration in versions:
            if language in taken_languages(original):
                continue
            text = TEXTS[language]
            origin = original.origin_organisation or original.owner_partner.name
            author = _person(partners[slug])
            translation = translation_new(
                original, language, owner_partner=partners[slug], title=t_title,
                summary=summary, duration=duration,
                body=text["body"].format(origin=origin), problem=text["problem"],
                evidence=text["evidence"].format(year=2025), transfer=text["transfer"],
                resources=original.resources)
            _workflow_stamp(translation, status, author, reviewer, now)
            methodology_save(methodology=translation, by=author)
            made += 1
    for slug_, versions in PUBLICATION_TRANSLATIONS.items():
        original = Publication.objects.filter(slug=slug_).first()
        if original is None:
            continue
        for language, slug, status, t_title, summary in versions:
            if language in taken_languages(original):
                continue
            author = _person(partners[slug])
            translation = translation_new(original, language, owner_partner=partners[slug],
                                          title=t_title, summary=summary)
            _workflow_stamp(translation, status, author, reviewer, now)
            publication_save(publication=translation, by=author)
            made += 1
    stdout.write(f"Methodology and publication translations: {made} new.\n")
