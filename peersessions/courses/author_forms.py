"""The authors' forms: a course, its modules, lessons, files and quiz questions, and the choice
of sessions and materials a module starts from."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from netw.forms import ModelChoiceField, ModelMultipleChoiceField, PortalForm, PortalModelForm
from netw.licences import LicensedFormMixin
from netw.translations import TranslationFormMixin
from netw.uploads import FileCheck
from peersessions.courses.models import QuestionKind
from peersessions.models import (
    Course,
    CourseModule,
    Lesson,
    LessonFile,
    Material,
    Question,
    Session,
    Topic,
)

from .authoring import ChoiceData, validate_choices

SHORT_TEXTAREA = {"rows": 3}
ANSWER_SLOTS = 6
# The same hint as the methodologies' forms, plus how images get into a lesson.
MARKDOWN_HINT = _("Markdown: **bold**, *italics*, lists starting with -, and "
                  "[links](https://example.org).")


class CourseForm(LicensedFormMixin, PortalModelForm):
    """Everything but the workflow: a draft may be incomplete; submitting checks the rest."""

    topics = ModelMultipleChoiceField(label=_("Topics"), queryset=Topic.objects.all(),
                                      required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Course
        fields = ["title", "owner_partner", "summary", "language", "level", "estimated_hours",
                  "outcomes", "licence", "topics"]
        widgets = {"summary": forms.Textarea(attrs=SHORT_TEXTAREA),
                   "outcomes": forms.Textarea(attrs={"rows": 5})}


class CourseTranslationForm(TranslationFormMixin, PortalModelForm):
    """A translation of a course: its language, its partner (the translator's), and the title,
    summary and outcomes to translate. Its modules and lessons are then written on the authors'
    pages as for any course; level, hours, licence and topics start as the original's."""

    class Meta:
        model = Course
        fields = ["language", "owner_partner", *Course.translatable_fields]
        widgets = {"summary": forms.Textarea(attrs=SHORT_TEXTAREA),
                   "outcomes": forms.Textarea(attrs={"rows": 5})}


class ModuleForm(PortalModelForm):
    class Meta:
        model = CourseModule
        fields = ["title", "summary"]
        widgets = {"summary": forms.Textarea(attrs=SHORT_TEXTAREA)}


class LessonForm(PortalModelForm):
    class Meta:
        model = Lesson
        fields = ["title", "body", "video_url", "video_transcript", "pass_mark"]
        widgets = {"body": forms.Textarea(attrs={"rows": 14}),
                   "video_transcript": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "body": _("Markdown: **bold**, *italics*, lists starting with -, and "
                      "[links](https://example.org). Images: add them below as lesson files "
                      "(PNG or JPEG); they are shown with the lesson, their title as their "
                      "description."),
            "pass_mark": _("The share of correct answers a learner needs to pass this "
                           "lesson's quiz (if it has questions). Retries are unlimited."),
        }

    def clean(self):
        data = super().clean()
        if data.get("video_url") and not (data.get("video_transcript") or "").strip():
            self.add_error("video_transcript", _("A video needs its transcript, for those who "
                                                 "cannot watch or hear it."))
        return data


class LessonFileForm(PortalModelForm):
    class Meta:
        model = LessonFile
        fields = ["title", "file"]
        help_texts = {"file": _("PDF, office documents, PNG or JPEG images, plain text; "
                                "up to 20 MB. The content must be what its name says.")}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and hasattr(upload, "size"):
            FileCheck()(upload)
        return upload


class QuestionForm(PortalModelForm):
    """A quiz question with up to six answers, each marked correct or not, with feedback."""

    class Meta:
        model = Question
        fields = ["text", "kind"]
        widgets = {"text": forms.Textarea(attrs=SHORT_TEXTAREA), "kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        existing = list(self.instance.choices.order_by("position", "pk")) if (
            self.instance.pk) else []
        self.existing_choices = existing
        for n in range(ANSWER_SLOTS):
            current = existing[n] if n < len(existing) else None
            self.fields[f"answer_{n}"] = forms.CharField(
                label=_("Answer text"), max_length=500,
                required=False, initial=current.text if current else "")
            self.fields[f"correct_{n}"] = forms.BooleanField(
                label=_("Correct"), required=False,
                initial=current.is_correct if current else False)
            self.fields[f"feedback_{n}"] = forms.CharField(
                label=_("Feedback"), required=False, max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=current.feedback if current else "",
                help_text=_("Shown to the learner after choosing this answer."))
        if self.is_bound:  # the portal form cleaned the fields it had; these came after
            self.data = self._without_control_chars(self.data)

    def answer_rows(self) -> list[tuple]:
        return [(n + 1, self[f"answer_{n}"], self[f"correct_{n}"], self[f"feedback_{n}"])
                for n in range(ANSWER_SLOTS)]

    def clean(self):
        data = super().clean()
        choices = []
        for n in range(ANSWER_SLOTS):
            text = (data.get(f"answer_{n}") or "").strip()
            if not text:
                if data.get(f"correct_{n}") or (data.get(f"feedback_{n}") or "").strip():
                    self.add_error(f"answer_{n}", _("Write the answer, or clear its row."))
                continue
            current = self.existing_choices[n] if n < len(self.existing_choices) else None
            choices.append(ChoiceData(text=text, is_correct=bool(data.get(f"correct_{n}")),
                                      feedback=(data.get(f"feedback_{n}") or "").strip(),
                                      pk=current.pk if current else None))
        if data.get("kind") in QuestionKind.values:
            try:
                validate_choices(data["kind"], choices)
            except ValidationError as exc:
                self.add_error(None, exc)
        self.choices = choices
        return data


class TopicChoiceForm(PortalForm):
    topic = ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all(),
                                   to_field_name="slug", empty_label=_("Choose a topic"))


class ModuleFromTopicForm(PortalForm):
    """Which of the topic's sessions and materials the module starts from. Public sessions
    already held are ticked; materials of sessions that are not public never are."""

    sessions = ModelMultipleChoiceField(
        label=_("Sessions whose key learnings go into the module"),
        queryset=Session.objects.none(), widget=forms.CheckboxSelectMultiple)
    materials = ModelMultipleChoiceField(
        label=_("Materials to copy into the module as lesson files"),
        queryset=Material.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Materials of sessions that are not public are not ticked: tick one only "
                    "if it may become part of a public course."))

    def __init__(self, *args, sessions=None, **kwargs):
        super().__init__(*args, **kwargs)
        sessions = sessions if sessions is not None else Session.objects.none()
        self.fields["sessions"].queryset = sessions
        self.fields["materials"].queryset = (Material.objects.visible_to(self.user)
                                             .filter(session__in=sessions)
                                             .select_related("session")
                                             .order_by("session__starts_at", "title", "pk"))
        self.fields["sessions"].label_from_instance = _session_label
        self.fields["materials"].label_from_instance = _material_label
        if not self.is_bound:
            self.initial["sessions"] = [s.pk for s in sessions if s.is_public and s.has_ended]
            self.initial["materials"] = [m.pk for m in self.fields["materials"].queryset
                                         if m.session.is_public and m.session.has_ended]


def _session_label(session: Session) -> str:
    public = _("public") if session.is_public else _("not public")
    return f"{session.title} · {session.owner_partner.short_name} · " \
           f"{session.starts_at:%Y-%m-%d} · {public}"


def _material_label(material: Material) -> str:
    public = _("public session") if material.session.is_public else _("session not public")
    return f"{material.title} ({material.original_name}) · {material.session.title} · {public}"
