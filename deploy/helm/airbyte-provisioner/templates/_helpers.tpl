{{/* The chart's name, or nameOverride. */}}
{{- define "airbyte-provisioner.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The release's full name (63 characters at most, a DNS label), or fullnameOverride. */}}
{{- define "airbyte-provisioner.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "airbyte-provisioner.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The labels that select the pods: stable across upgrades. */}}
{{- define "airbyte-provisioner.selectorLabels" -}}
app.kubernetes.io/name: {{ include "airbyte-provisioner.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Every object's labels, with the `labels` value added (as Witboost's tech adapter charts do). */}}
{{- define "airbyte-provisioner.labels" -}}
{{ include "airbyte-provisioner.selectorLabels" . }}
app.kubernetes.io/component: tech-adapter
app.kubernetes.io/part-of: witboost
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "airbyte-provisioner.chart" . }}
{{- with .Values.labels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* The image reference: image.registry (the repository), and image.tag or the chart's appVersion. */}}
{{- define "airbyte-provisioner.image" -}}
{{- printf "%s:%s" .Values.image.registry (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/*
Checks that stop an install that could not work, each with what to change. The chart renders nothing
when one fails.
*/}}
{{- define "airbyte-provisioner.checks" -}}
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.database.enabled) -}}
{{- fail (printf "replicaCount is %d, but without a database (database.enabled: false) the provisioner keeps its tasks and locks in the memory of one process: set replicaCount: 1, or set database.enabled: true with DATABASE_URL in existingSecret (see docs/OPERATIONS.md, Replicas)" (int .Values.replicaCount)) -}}
{{- end -}}
{{- if and .Values.database.enabled (not .Values.existingSecret) -}}
{{- fail "database.enabled is true, but existingSecret is empty: DATABASE_URL (and STATE_ENCRYPTION_KEY) come from the Secret named by existingSecret" -}}
{{- end -}}
{{- $drainMs := add (int .Values.shutdownGraceMs) (mul (int .Values.preStopSleepSeconds) 1000) -}}
{{- if le (mul (int .Values.terminationGracePeriodSeconds) 1000) (int $drainMs) -}}
{{- fail (printf "terminationGracePeriodSeconds (%d s) must be longer than preStopSleepSeconds + shutdownGraceMs (%d ms): Kubernetes would kill the provisioner while it drains" (int .Values.terminationGracePeriodSeconds) (int $drainMs)) -}}
{{- end -}}
{{- end -}}
