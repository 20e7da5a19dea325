"""A good practice's attachments (private files) and where it was presented (entries of the
dissemination log), both with their history."""

import django.db.models.deletion
import netw.uploads
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('methodologies', '0007_scheduled_events_can_be_cancelled'),
        ('sustainability', '0006_practices_search_vector'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='goodpractice',
            name='presented_at',
            field=models.ManyToManyField(blank=True, help_text='Activities of the dissemination log where this practice was presented.', related_name='wp3_practices', to='methodologies.disseminationactivity', verbose_name='presented at'),
        ),
        migrations.CreateModel(
            name='GoodPracticeAttachment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('language', models.CharField(choices=[('en', 'English'), ('fr', 'French'), ('hu', 'Hungarian'), ('it', 'Italian'), ('mk', 'Macedonian'), ('pt', 'Portuguese'), ('sk', 'Slovak'), ('sr', 'Serbian')], default='en', max_length=10, verbose_name='language')),
                ('file', models.FileField(storage=netw.uploads.PrivateStorage(), upload_to='sustainability/practices/%Y/', validators=[netw.uploads.FileCheck()], verbose_name='file')),
                ('size', models.PositiveBigIntegerField(default=0, editable=False, verbose_name='size')),
                ('practice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='sustainability.goodpractice')),
                ('uploaded_by', models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'attachment',
                'verbose_name_plural': 'attachments',
                'ordering': ['title', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalGoodPractice_presented_at',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('disseminationactivity', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='methodologies.disseminationactivity')),
                ('goodpractice', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='sustainability.goodpractice')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='sustainability.historicalgoodpractice')),
            ],
            options={
                'verbose_name': 'HistoricalGoodPractice_presented_at',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalGoodPracticeAttachment',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated at')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('language', models.CharField(choices=[('en', 'English'), ('fr', 'French'), ('hu', 'Hungarian'), ('it', 'Italian'), ('mk', 'Macedonian'), ('pt', 'Portuguese'), ('sk', 'Slovak'), ('sr', 'Serbian')], default='en', max_length=10, verbose_name='language')),
                ('file', models.TextField(max_length=100, validators=[netw.uploads.FileCheck()], verbose_name='file')),
                ('size', models.PositiveBigIntegerField(default=0, editable=False, verbose_name='size')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('practice', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='sustainability.goodpractice')),
                ('uploaded_by', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical attachment',
                'verbose_name_plural': 'historical attachments',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]
