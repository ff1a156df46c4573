package dev.lifecycle.it.deploy;

import static dev.lifecycle.it.deploy.CloudFormationTemplate.list;
import static dev.lifecycle.it.deploy.CloudFormationTemplate.map;
import static dev.lifecycle.it.deploy.CloudFormationTemplate.refName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lifecycle.lambda.ProcessorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment template (deploy/template.yaml) holds what the product promises about a deployment: a mapping that
 * lets only REMOVE records through and never blocks a shard forever, a failure queue that outlives the stream, a
 * bucket that is private, encrypted, versioned and TLS-only, least-privilege roles, and alarms with runbooks. A
 * regression in any of them fails the build on every machine; cfn-lint (CfnLintTest) adds AWS's own schema checks
 * where it is installed.
 */
class DeploymentTemplateTest {

    static final Path REPOSITORY = Path.of("..");
    static final Path TEMPLATE = REPOSITORY.resolve("deploy/template.yaml");

    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    /** Actions IAM cannot limit to a resource (the Service Authorization Reference lists none for them). */
    private static final Set<String> WITHOUT_RESOURCE_LEVEL_PERMISSIONS = Set.of("dynamodb:ListStreams");

    private static CloudFormationTemplate template;

    @BeforeAll
    static void load() throws IOException {
        template = CloudFormationTemplate.load(TEMPLATE);
    }

    // ---------------------------------------------------------------- the template is whole

    @Test
    void references_nameAParameterAResourceOrAPseudoParameter() {
        Set<String> known = new HashSet<>(template.section("Parameters").keySet());
        known.addAll(template.section("Resources").keySet());
        known.addAll(PSEUDO_PARAMETERS);
        known.addAll(samGeneratedReferences());
        List<String> unknown = new ArrayList<>();
        template.eachIntrinsic("Ref", (path, name) -> {
            if (!known.contains(name)) {
                unknown.add(path + ": Ref " + name);
            }
        });
        template.eachIntrinsic("Fn::GetAtt", (path, target) -> {
            String resource = (String) list(target, path).get(0);
            if (!template.section("Resources").containsKey(resource)) {
                unknown.add(path + ": GetAtt " + resource);
            }
        });
        template.eachIntrinsic("Fn::Sub", (path, sub) -> {
            String text = sub instanceof List<?> withVariables ? (String) withVariables.get(0) : (String) sub;
            Set<String> local = sub instanceof List<?> withVariables ? map(withVariables.get(1), path).keySet() : Set.of();
            for (String variable : CloudFormationTemplate.subVariables(text)) {
                String name = variable.contains(".") && !variable.startsWith("AWS::")
                        ? variable.substring(0, variable.indexOf('.')) : variable;
                if (!known.contains(name) && !local.contains(name)) {
                    unknown.add(path + ": ${" + variable + "}");
                }
            }
        });
        assertThat(unknown).as("references to nothing").isEmpty();
    }

    @Test
    void conditions_usedAreDeclaredAndDeclaredAreUsed() {
        Set<String> declared = template.section("Conditions").keySet();
        Set<String> used = new HashSet<>();
        template.section("Resources").forEach((id, resource) -> {
            Object condition = map(resource, id).get("Condition");
            if (condition != null) {
                used.add((String) condition);
            }
        });
        template.eachIntrinsic("Fn::If", (path, arguments) -> used.add((String) list(arguments, path).get(0)));
        template.eachIntrinsic("Condition", (path, name) -> {
            if (name instanceof String condition) {
                used.add(condition);
            }
        });
        assertThat(used).as("conditions used").isSubsetOf(declared);
        assertThat(declared).as("conditions declared").isSubsetOf(used);
    }

    @Test
    void parameters_usedAreDeclaredAndDeclaredAreUsed() {
        Set<String> used = new HashSet<>();
        template.eachIntrinsic("Ref", (path, name) -> used.add((String) name));
        template.eachIntrinsic("Fn::Sub", (path, sub) -> used.addAll(CloudFormationTemplate.subVariables(
                sub instanceof List<?> withVariables ? (String) withVariables.get(0) : (String) sub)));
        assertThat(used).as("every parameter is used").containsAll(template.section("Parameters").keySet());
    }

    // ---------------------------------------------------------------- the event source mapping

    @Test
    void mapping_letsOnlyRemoveRecordsThrough() throws IOException {
        Map<String, Object> mapping = template.properties("StreamMapping");
        List<Object> filters = list(map(mapping.get("FilterCriteria"), "FilterCriteria").get("Filters"), "Filters");
        assertThat(filters).hasSize(1);
        String pattern = (String) map(filters.get(0), "filter").get("Pattern");
        assertThat(jsonStringArrays(pattern)).isEqualTo(Map.of("eventName", List.of("REMOVE")));
    }

    @Test
    void mapping_reportsPartialFailuresBisectsAndSendsWhatItGivesUpOnToTheFailureQueue() {
        Map<String, Object> mapping = template.properties("StreamMapping");
        assertThat(list(mapping.get("FunctionResponseTypes"), "FunctionResponseTypes")).containsExactly("ReportBatchItemFailures");
        assertThat(mapping.get("BisectBatchOnFunctionError")).isEqualTo(true);
        assertThat(mapping.get("StartingPosition")).as("nothing in the stream is skipped").isEqualTo("TRIM_HORIZON");
        Object destination = map(map(mapping.get("DestinationConfig"), "DestinationConfig").get("OnFailure"), "OnFailure")
                .get("Destination");
        assertThat(destination).isEqualTo(Map.of("Fn::GetAtt", List.of("FailureQueue", "Arn")));
        assertThat(mapping.get("FunctionName")).as("the published alias, so that SnapStart applies")
                .isEqualTo(Map.of("Ref", "StreamProcessor.Alias"));
        assertThat(template.resource("StreamMapping").get("Condition")).isEqualTo("HasStream");
    }

    @Test
    void mapping_boundsRetriesAndRecordAgeSoThatReplayStillFindsTheRecordsInTheStream() {
        Map<String, Object> mapping = template.properties("StreamMapping");
        Map<String, Object> retries = parameterBehind(mapping, "MaximumRetryAttempts");
        assertThat(number(retries, "MinValue")).as("-1 (forever) is not allowed").isGreaterThanOrEqualTo(0);
        assertThat(number(retries, "MaxValue")).isLessThanOrEqualTo(10_000);
        Map<String, Object> age = parameterBehind(mapping, "MaximumRecordAgeInSeconds");
        assertThat(number(age, "MinValue")).isGreaterThanOrEqualTo(60);
        assertThat(number(age, "MaxValue")).as("leaves at least 12 of the stream's 24 hours for replay")
                .isLessThanOrEqualTo(12 * 3600);
        assertThat(number(age, "Default")).isLessThanOrEqualTo(3600);
        Map<String, Object> batch = parameterBehind(mapping, "BatchSize");
        assertThat(number(batch, "MinValue")).isEqualTo(1);
        assertThat(number(batch, "MaxValue")).isEqualTo(10_000);
        Map<String, Object> window = parameterBehind(mapping, "MaximumBatchingWindowInSeconds");
        assertThat(number(window, "MaxValue")).isEqualTo(300);
        Map<String, Object> parallel = parameterBehind(mapping, "ParallelizationFactor");
        assertThat(number(parallel, "MaxValue")).isEqualTo(10);
    }

    // ---------------------------------------------------------------- the function

    @Test
    void function_runsNativeOnProvidedAl2023OrOnJava21WithSnapStart() {
        Map<String, Object> function = template.properties("StreamProcessor");
        assertThat(function.get("Runtime")).isEqualTo(Map.of("Fn::If", List.of("IsNative", "provided.al2023", "java21")));
        assertThat(function.get("Handler")).isEqualTo(Map.of("Fn::If", List.of("IsNative", "not.used.in.provided.runtime",
                "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest")));
        assertThat(map(function.get("SnapStart"), "SnapStart").get("ApplyOn"))
                .isEqualTo(Map.of("Fn::If", List.of("IsNative", "None", "PublishedVersions")));
        assertThat(function.get("AutoPublishAlias")).isEqualTo("live");
        assertThat(function.get("AutoPublishAliasAllProperties")).as("a changed parameter publishes a version too").isEqualTo(true);
        assertThat(template.top("Transform")).as("LanguageExtensions first, so that SAM compares resolved parameter values")
                .isEqualTo(List.of("AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"));
        assertThat(template.section("Conditions").get("IsNative"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "Variant"), "native")));
        assertThat(list(template.parameter("Variant").get("AllowedValues"), "Variant")).containsExactlyInAnyOrder("jvm", "native");
        assertThat(template.parameter("Variant").get("Default")).as("deployable without a native toolchain").isEqualTo("jvm");
        assertThat(list(function.get("Architectures"), "Architectures")).containsExactly(Map.of("Ref", "Architecture"));
        assertThat(list(template.parameter("Architecture").get("AllowedValues"), "Architecture"))
                .containsExactlyInAnyOrder("arm64", "x86_64");
        assertThat(function.get("Role")).isEqualTo(Map.of("Fn::GetAtt", List.of("ProcessorRole", "Arn")));
    }

    @Test
    void function_codeIsTheZipTheBuildProducesAndItsHandlerExists() throws ClassNotFoundException {
        Map<String, Object> function = template.properties("StreamProcessor");
        Path code = TEMPLATE.getParent().resolve((String) function.get("CodeUri")).normalize();
        assertThat(code).as("built by the lambda module before this one runs").isRegularFile();
        Class.forName("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler");
    }

    @Test
    void function_environmentNamesOnlySettingsTheProcessorHas() {
        Map<String, Object> variables = map(map(template.properties("StreamProcessor").get("Environment"), "Environment")
                .get("Variables"), "Variables");
        Set<String> settings = Stream.of(ProcessorConfig.class.getMethods())
                .map(method -> "LIFECYCLE_PROCESSOR_" + method.getName().replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (String name : variables.keySet()) {
            if (name.startsWith("LIFECYCLE_")) {
                assertThat(settings).as("a setting of ProcessorConfig").contains(name);
            }
        }
        assertThat(variables.get("LIFECYCLE_PROCESSOR_POLICY_TABLE")).isEqualTo(Map.of("Ref", "PolicyTable"));
    }

    // ---------------------------------------------------------------- storage

    @Test
    void failureQueue_keepsMessagesFourteenDaysEncryptedAndSurvivesTheStack() {
        Map<String, Object> queue = template.properties("FailureQueue");
        assertThat(queue.get("MessageRetentionPeriod")).isEqualTo(1_209_600);
        assertThat(queue.get("SqsManagedSseEnabled")).isEqualTo(true);
        assertThat(template.resource("FailureQueue").get("DeletionPolicy")).isEqualTo("Retain");
        assertThat(deniesInsecureTransport(template.properties("FailureQueuePolicy"), "FailureQueue")).isTrue();
    }

    @Test
    void archiveBucket_isEncryptedPrivateVersionedTlsOnlyAndRetained() {
        Map<String, Object> bucket = template.properties("ArchiveBucket");
        Map<String, Object> rule = map(list(map(bucket.get("BucketEncryption"), "BucketEncryption")
                .get("ServerSideEncryptionConfiguration"), "rules").get(0), "rule");
        assertThat(rule.get("ServerSideEncryptionByDefault")).isEqualTo(Map.of("Fn::If", List.of("HasKmsKey",
                Map.of("SSEAlgorithm", "aws:kms", "KMSMasterKeyID", Map.of("Ref", "ArchiveKmsKeyArn")),
                Map.of("SSEAlgorithm", "AES256"))));
        assertThat(bucket.get("PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true,
                "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat(bucket.get("VersioningConfiguration")).isEqualTo(Map.of("Status", "Enabled"));
        assertThat(bucket.get("ObjectLockEnabled"))
                .isEqualTo(Map.of("Fn::If", List.of("UseObjectLock", true, Map.of("Ref", "AWS::NoValue"))));
        assertThat(template.resource("ArchiveBucket").get("DeletionPolicy")).isEqualTo("Retain");
        assertThat(template.resource("ArchiveBucket").get("UpdateReplacePolicy")).isEqualTo("Retain");
        assertThat(deniesInsecureTransport(template.properties("ArchiveBucketPolicy"), "ArchiveBucket")).isTrue();
    }

    @Test
    void archiveBucket_leavesTheLifecycleRulesToThePlatform() {
        assertThat(template.properties("ArchiveBucket"))
                .as("a LifecycleConfiguration here would replace the policies' rules on every stack update")
                .doesNotContainKey("LifecycleConfiguration");
    }

    @Test
    void policyTable_hasTheKeySchemaTheAdaptersUseAndIsProtected() {
        Map<String, Object> table = template.properties("PolicyTable");
        assertThat(table.get("KeySchema")).isEqualTo(List.of(Map.of("AttributeName", "kind", "KeyType", "HASH"),
                Map.of("AttributeName", "id", "KeyType", "RANGE")));
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.get("DeletionProtectionEnabled")).isEqualTo(true);
        assertThat(table.get("PointInTimeRecoverySpecification")).isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
        assertThat(template.resource("PolicyTable").get("DeletionPolicy")).isEqualTo("Retain");
    }

    // ---------------------------------------------------------------- least privilege

    @Test
    void iam_allowsNoWildcardActionAndNoWildcardResource() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> statement : allowStatements().entrySet()) {
            for (Object action : asList(statement.getValue().get("Action"))) {
                if (action instanceof String name && name.contains("*")) {
                    violations.add(statement.getKey() + ": action " + name);
                }
            }
            boolean unscopable = asList(statement.getValue().get("Action")).stream()
                    .allMatch(WITHOUT_RESOURCE_LEVEL_PERMISSIONS::contains);
            for (Object resource : asList(statement.getValue().get("Resource"))) {
                if ("*".equals(resource) && !unscopable) {
                    violations.add(statement.getKey() + ": resource *");
                }
                if (resource instanceof Map<?, ?> sub && sub.get("Fn::Sub") instanceof String text
                        && (text.contains(":*:") || text.contains("::*") || text.startsWith("*"))) {
                    violations.add(statement.getKey() + ": resource " + text);
                }
            }
            assertThat(statement.getValue()).as(statement.getKey()).doesNotContainKeys("NotAction", "NotResource");
        }
        assertThat(violations).isEmpty();
        assertThat(allowStatements()).as("statements found").hasSizeGreaterThan(10);
    }

    @Test
    void processorRole_mayOnlyAddToTheLedgerInThePolicyTable() {
        Map<String, Object> ledger = statement("ProcessorRole", "CountInTheLedgerOnly");
        assertThat(ledger.get("Action")).isEqualTo(List.of("dynamodb:UpdateItem"));
        assertThat(ledger.get("Condition")).isEqualTo(Map.of("ForAllValues:StringLike",
                Map.of("dynamodb:LeadingKeys", List.of("ledger:*"))));
        Set<String> otherDynamoDbActions = allowStatements().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("ProcessorRole/") && !entry.getKey().endsWith("/CountInTheLedgerOnly"))
                .flatMap(entry -> asList(entry.getValue().get("Action")).stream())
                .map(String.class::cast).filter(action -> action.startsWith("dynamodb:")).collect(Collectors.toSet());
        assertThat(otherDynamoDbActions).as("it never writes policies or items of the governed table")
                .doesNotContain("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan");
    }

    @Test
    void processorRole_writesArchivesOnlyUnderTheTablesPrefixAndNeverDeletesThem() {
        Map<String, Object> archives = statement("ProcessorRole", "WriteAndCompareArchiveObjects");
        assertThat(archives.get("Resource")).isEqualTo(Map.of("Fn::Sub", "${ArchiveBucket.Arn}/${ArchivePrefix}/${GovernedTableName}/*"));
        Set<String> actions = allowStatements().values().stream().flatMap(statement -> asList(statement.get("Action")).stream())
                .map(String.class::cast).collect(Collectors.toSet());
        assertThat(actions).as("no role of the platform deletes archives or bypasses retention")
                .noneMatch(action -> action.startsWith("s3:Delete") || action.equals("s3:BypassGovernanceRetention"));
    }

    // ---------------------------------------------------------------- alarms

    @Test
    void alarms_watchIteratorAgeFunctionErrorsAndTheFailureQueue() {
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String id : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            Map<String, Object> alarm = template.properties(id);
            metrics.put(alarm.get("Namespace") + "/" + alarm.get("MetricName"), id);
            assertThat(list(alarm.get("AlarmActions"), id + ".AlarmActions")).containsExactly(Map.of("Ref", "AlarmTopic"));
            assertThat(alarm.get("TreatMissingData")).as(id).isEqualTo("notBreaching");
            assertThat(list(alarm.get("OKActions"), id + ".OKActions")).containsExactly(Map.of("Ref", "AlarmTopic"));
        }
        assertThat(metrics).containsKeys("AWS/Lambda/IteratorAge", "AWS/Lambda/Errors", "AWS/Lambda/DestinationDeliveryFailures",
                "AWS/SQS/ApproximateNumberOfMessagesVisible", "Lifecycle/LedgerWriteFailures");
        Map<String, Object> queueAlarm = template.properties(metrics.get("AWS/SQS/ApproximateNumberOfMessagesVisible"));
        assertThat(queueAlarm.get("Dimensions")).isEqualTo(List.of(Map.of("Name", "QueueName",
                "Value", Map.of("Fn::GetAtt", List.of("FailureQueue", "QueueName")))));
        assertThat(queueAlarm.get("Threshold")).as("one given-up range is one too many").isEqualTo(0);
        assertThat(template.properties("LedgerWriteFailures").get("FilterPattern"))
                .as("the processor's log line (docs/configuration.md)").isEqualTo("\"ledger-write-failed\"");
    }

    @Test
    void alarms_pointToRunbooksThatExistInTheOperationsGuide() throws IOException {
        Set<String> anchors = headingAnchors(REPOSITORY.resolve("docs/operations.md"));
        Pattern runbook = Pattern.compile("docs/operations\\.md#([a-z0-9-]+)");
        for (String id : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            Matcher matcher = runbook.matcher((String) template.properties(id).get("AlarmDescription"));
            assertThat(matcher.find()).as(id + " names its runbook").isTrue();
            assertThat(anchors).as(id + "'s runbook").contains(matcher.group(1));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Every Allow statement of the roles and managed policies, keyed "Resource/Sid". */
    private static Map<String, Map<String, Object>> allowStatements() {
        Map<String, Map<String, Object>> statements = new LinkedHashMap<>();
        for (String role : template.resourcesOfType("AWS::IAM::Role")) {
            for (Object policy : list(template.properties(role).getOrDefault("Policies", List.of()), role)) {
                collect(role, map(map(policy, role).get("PolicyDocument"), role), statements);
            }
        }
        for (String policy : template.resourcesOfType("AWS::IAM::ManagedPolicy")) {
            collect(policy, map(template.properties(policy).get("PolicyDocument"), policy), statements);
        }
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            assertThat(template.properties(function)).as(function + " uses its own role, not SAM's policy templates")
                    .doesNotContainKey("Policies");
        }
        return statements;
    }

    private static void collect(String owner, Map<String, Object> document, Map<String, Map<String, Object>> into) {
        for (Object entry : list(document.get("Statement"), owner)) {
            Map<String, Object> statement = map(entry, owner);
            if (statement.containsKey("Fn::If")) {
                // A conditional statement: check its "true" branch (the "false" one is AWS::NoValue).
                statement = map(list(statement.get("Fn::If"), owner).get(1), owner);
            }
            if ("Allow".equals(statement.get("Effect"))) {
                into.put(owner + "/" + statement.get("Sid"), statement);
            }
        }
    }

    private static Map<String, Object> statement(String owner, String sid) {
        Map<String, Object> statement = allowStatements().get(owner + "/" + sid);
        assertThat(statement).as(owner + "/" + sid).isNotNull();
        return statement;
    }

    private static boolean deniesInsecureTransport(Map<String, Object> policy, String resource) {
        for (Object entry : list(map(policy.get("PolicyDocument"), "PolicyDocument").get("Statement"), "Statement")) {
            Map<String, Object> statement = map(entry, "statement");
            if ("Deny".equals(statement.get("Effect"))
                    && Map.of("Bool", Map.of("aws:SecureTransport", "false")).equals(statement.get("Condition"))
                    && asList(statement.get("Resource")).contains(Map.of("Fn::GetAtt", List.of(resource, "Arn")))) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> asList(Object value) {
        return value instanceof List<?> values ? new ArrayList<>(values) : List.of(value);
    }

    private static Map<String, Object> parameterBehind(Map<String, Object> properties, String property) {
        String name = refName(properties.get(property)).orElseThrow(() -> new AssertionError(property + " is not a parameter"));
        return template.parameter(name);
    }

    private static long number(Map<String, Object> parameter, String key) {
        Object value = parameter.get(key);
        assertThat(value).as(key).isInstanceOf(Number.class);
        return ((Number) value).longValue();
    }

    /** SAM's generated names: {@code Function.Alias} and {@code Function.Version} of functions with AutoPublishAlias. */
    private static Set<String> samGeneratedReferences() {
        Set<String> names = new HashSet<>();
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            if (template.properties(function).containsKey("AutoPublishAlias")) {
                names.add(function + ".Alias");
                names.add(function + ".Version");
            }
        }
        return names;
    }

    /** A JSON object of string arrays, e.g. an event filter pattern, read strictly. */
    private static Map<String, List<String>> jsonStringArrays(String json) throws IOException {
        Map<String, List<String>> result = new LinkedHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                assertThat(parser.nextToken()).as(field).isEqualTo(JsonToken.START_ARRAY);
                List<String> values = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    values.add(parser.getText());
                }
                assertThat(parser.currentToken()).as(field).isEqualTo(JsonToken.END_ARRAY);
                result.put(field, values);
            }
            assertThat(parser.nextToken()).as("nothing after the pattern").isNull();
        }
        return result;
    }

    /** GitHub's anchors of a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> headingAnchors(Path markdown) throws IOException {
        return Files.readAllLines(markdown).stream().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").trim().replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
