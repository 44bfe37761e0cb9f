#!/usr/bin/env bash
# GENERATED from io.tributary.core.resources.Schema by io.tributary.local.aws.AwslocalScript: do not edit.
# Regenerate: mvn -q -pl localstack/aws exec:java -Dexec.mainClass=io.tributary.local.aws.AwslocalScriptMain
# LocalStack runs every script in /etc/localstack/init/ready.d once its services are up.
# Each step is idempotent, like the embedded bootstrap: running it twice changes nothing.
set -euo pipefail

# Buckets (private; CORS on the bucket players read; lifecycle expiry on raw chunks)
awslocal s3api head-bucket --bucket tributary-raw >/dev/null 2>&1 \
  || awslocal s3api create-bucket --bucket tributary-raw >/dev/null
awslocal s3api put-bucket-lifecycle-configuration --bucket tributary-raw --lifecycle-configuration '{"Rules":[{"ID":"expire-after-1d","Status":"Enabled","Filter":{"Prefix":""},"Expiration":{"Days":1}}]}'
awslocal s3api head-bucket --bucket tributary-media >/dev/null 2>&1 \
  || awslocal s3api create-bucket --bucket tributary-media >/dev/null
awslocal s3api put-bucket-cors --bucket tributary-media --cors-configuration '{"CORSRules":[{"AllowedOrigins":["*"],"AllowedMethods":["GET","HEAD"],"AllowedHeaders":["*"],"ExposeHeaders":["ETag","Content-Length","Content-Range"],"MaxAgeSeconds":3000}]}'

# Tables (on-demand, GSIs with ALL projection, TTL where the schema has one)
if ! awslocal dynamodb describe-table --table-name tributary-streams >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tributary-streams --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=streamId,AttributeType=S AttributeName=tenantId,AttributeType=S AttributeName=createdAt,AttributeType=N AttributeName=liveTaskId,AttributeType=S \
    --key-schema AttributeName=streamId,KeyType=HASH \
    --global-secondary-indexes '[{"IndexName":"byTenant","KeySchema":[{"AttributeName":"tenantId","KeyType":"HASH"},{"AttributeName":"createdAt","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}},{"IndexName":"byLeaseTask","KeySchema":[{"AttributeName":"liveTaskId","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]' >/dev/null
  awslocal dynamodb wait table-exists --table-name tributary-streams
fi
if ! awslocal dynamodb describe-table --table-name tributary-stream-keys >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tributary-stream-keys --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=keyHash,AttributeType=S AttributeName=streamId,AttributeType=S AttributeName=createdAt,AttributeType=N \
    --key-schema AttributeName=keyHash,KeyType=HASH \
    --global-secondary-indexes '[{"IndexName":"byStream","KeySchema":[{"AttributeName":"streamId","KeyType":"HASH"},{"AttributeName":"createdAt","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}]' >/dev/null
  awslocal dynamodb wait table-exists --table-name tributary-stream-keys
fi
if ! awslocal dynamodb describe-table --table-name tributary-sessions >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tributary-sessions --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=streamId,AttributeType=S AttributeName=sessionId,AttributeType=S \
    --key-schema AttributeName=streamId,KeyType=HASH AttributeName=sessionId,KeyType=RANGE >/dev/null
  awslocal dynamodb wait table-exists --table-name tributary-sessions
fi
if [ "$(awslocal dynamodb describe-time-to-live --table-name tributary-sessions --query TimeToLiveDescription.TimeToLiveStatus --output text)" != ENABLED ]; then
  awslocal dynamodb update-time-to-live --table-name tributary-sessions --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tributary-segments >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tributary-segments --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=streamId,AttributeType=S AttributeName=seq,AttributeType=N \
    --key-schema AttributeName=streamId,KeyType=HASH AttributeName=seq,KeyType=RANGE >/dev/null
  awslocal dynamodb wait table-exists --table-name tributary-segments
fi
if [ "$(awslocal dynamodb describe-time-to-live --table-name tributary-segments --query TimeToLiveDescription.TimeToLiveStatus --output text)" != ENABLED ]; then
  awslocal dynamodb update-time-to-live --table-name tributary-segments --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tributary-metrics >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tributary-metrics --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=streamId,AttributeType=S AttributeName=ts,AttributeType=N \
    --key-schema AttributeName=streamId,KeyType=HASH AttributeName=ts,KeyType=RANGE >/dev/null
  awslocal dynamodb wait table-exists --table-name tributary-metrics
fi
if [ "$(awslocal dynamodb describe-time-to-live --table-name tributary-metrics --query TimeToLiveDescription.TimeToLiveStatus --output text)" != ENABLED ]; then
  awslocal dynamodb update-time-to-live --table-name tributary-metrics --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tributary-api-tokens >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tributary-api-tokens --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=tokenHash,AttributeType=S \
    --key-schema AttributeName=tokenHash,KeyType=HASH >/dev/null
  awslocal dynamodb wait table-exists --table-name tributary-api-tokens
fi
if ! awslocal dynamodb describe-table --table-name tributary-idempotency >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tributary-idempotency --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=id,AttributeType=S \
    --key-schema AttributeName=id,KeyType=HASH >/dev/null
  awslocal dynamodb wait table-exists --table-name tributary-idempotency
fi
if [ "$(awslocal dynamodb describe-time-to-live --table-name tributary-idempotency --query TimeToLiveDescription.TimeToLiveStatus --output text)" != ENABLED ]; then
  awslocal dynamodb update-time-to-live --table-name tributary-idempotency --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tributary-ws-connections >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tributary-ws-connections --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=connectionId,AttributeType=S AttributeName=streamId,AttributeType=S \
    --key-schema AttributeName=connectionId,KeyType=HASH \
    --global-secondary-indexes '[{"IndexName":"byStream","KeySchema":[{"AttributeName":"streamId","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]' >/dev/null
  awslocal dynamodb wait table-exists --table-name tributary-ws-connections
fi
if [ "$(awslocal dynamodb describe-time-to-live --table-name tributary-ws-connections --query TimeToLiveDescription.TimeToLiveStatus --output text)" != ENABLED ]; then
  awslocal dynamodb update-time-to-live --table-name tributary-ws-connections --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
fi

# Job queue + dead-letter queue (redrive after maxReceiveCount receives)
dlq_url=$(awslocal sqs create-queue --queue-name tributary-transcode-jobs-dlq --query QueueUrl --output text)
awslocal sqs set-queue-attributes --queue-url "$dlq_url" --attributes MessageRetentionPeriod=1209600
dlq_arn=$(awslocal sqs get-queue-attributes --queue-url "$dlq_url" --attribute-names QueueArn --query Attributes.QueueArn --output text)
queue_url=$(awslocal sqs create-queue --queue-name tributary-transcode-jobs --query QueueUrl --output text)
attributes=$(printf '{"VisibilityTimeout":"60","MessageRetentionPeriod":"14400","RedrivePolicy":"{\\"deadLetterTargetArn\\":\\"%s\\",\\"maxReceiveCount\\":\\"3\\"}"}' "$dlq_arn")
awslocal sqs set-queue-attributes --queue-url "$queue_url" --attributes "$attributes"

echo "tributary: buckets, tables and queues ready"
