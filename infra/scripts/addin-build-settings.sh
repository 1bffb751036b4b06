#!/bin/sh
# Runs before azd builds the add-in (service hook, working folder addin/): writes the add-in's
# build-time settings from this azd environment into .env.production.local (git-ignored), which
# Vite reads. Nothing secret: the API's URL, the app registration's client id and its scope.
set -eu
: "${API_BASE_URL:?run azd provision first: API_BASE_URL is not set}"
: "${API_AUDIENCE:?run azd provision first: API_AUDIENCE is not set}"
# The add-in appends /api/... itself; API_BASE_URL ends with /api.
cat > .env.production.local <<SETTINGS
VITE_API_BASE_URL=${API_BASE_URL%/api}
VITE_AAD_CLIENT_ID=${OUTREACH_API_CLIENT_ID:-}
VITE_API_SCOPE=${API_AUDIENCE}/access_as_user
SETTINGS
echo "add-in build settings: API ${API_BASE_URL}, scope ${API_AUDIENCE}/access_as_user"
