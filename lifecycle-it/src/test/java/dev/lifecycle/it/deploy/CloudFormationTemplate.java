package dev.lifecycle.it.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A CloudFormation (or SAM) template read as CloudFormation reads it: short-form intrinsic tags ({@code !Ref x},
 * {@code !GetAtt a.b}, {@code !Sub ...}) become their long form ({@code {"Ref": "x"}}, {@code {"Fn::GetAtt": [a, b]}},
 * {@code {"Fn::Sub": ...}}), so that assertions see one shape whatever the author wrote.
 */
final class CloudFormationTemplate {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(?!!)([^}]+)}");

    private final Map<String, Object> root;

    private CloudFormationTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static CloudFormationTemplate load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new IntrinsicTags(options));
        try (Reader reader = Files.newBufferedReader(file)) {
            return new CloudFormationTemplate(map(yaml.load(reader), file.toString()));
        }
    }

    /** A top-level entry as it is (Transform may be a string or a list). */
    Object top(String name) {
        return root.get(name);
    }

    Map<String, Object> section(String name) {
        return root.containsKey(name) ? map(root.get(name), name) : Map.of();
    }

    Map<String, Object> parameter(String name) {
        return map(section("Parameters").get(name), "parameter " + name);
    }

    Map<String, Object> resource(String logicalId) {
        Object resource = section("Resources").get(logicalId);
        if (resource == null) {
            throw new AssertionError("the template has no resource " + logicalId);
        }
        return map(resource, logicalId);
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).getOrDefault("Properties", Map.of()), logicalId + ".Properties");
    }

    /** The logical ids of every resource of this type. */
    List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        section("Resources").forEach((id, resource) -> {
            if (type.equals(map(resource, id).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Visits every intrinsic function of one name anywhere under the Resources, Outputs and Conditions, with its path. */
    void eachIntrinsic(String function, BiConsumer<String, Object> visitor) {
        for (String section : List.of("Resources", "Outputs", "Conditions")) {
            walk(section(section), section, function, visitor);
        }
    }

    /** The names a {@code Fn::Sub} string refers to with {@code ${Name}} or {@code ${Name.Attribute}} ({@code ${!x}} is literal). */
    static List<String> subVariables(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1).trim());
        }
        return names;
    }

    /** {@code {"Ref": name}} → name. */
    static Optional<String> refName(Object value) {
        if (value instanceof Map<?, ?> ref && ref.size() == 1 && ref.get("Ref") instanceof String name) {
            return Optional.of(name);
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new AssertionError(where + " is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String where) {
        if (!(value instanceof List)) {
            throw new AssertionError(where + " is not a list: " + value);
        }
        return (List<Object>) value;
    }

    private static void walk(Object node, String path, String function, BiConsumer<String, Object> visitor) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (function.equals(key)) {
                    visitor.accept(path, value);
                }
                walk(value, path + "." + key, function, visitor);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", function, visitor);
            }
        }
    }

    /** SnakeYAML constructor that knows CloudFormation's short forms. */
    private static final class IntrinsicTags extends SafeConstructor {

        IntrinsicTags(LoaderOptions options) {
            super(options);
            for (String function : List.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue", "Join", "Select",
                    "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "ToJsonString", "Length")) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new Intrinsic("Fn::GetAtt"));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String function;

            Intrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                    if (function.equals("Fn::GetAtt")) {
                        value = List.of(((String) value).split("\\.", 2));
                    }
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(function, value);
                return longForm;
            }
        }
    }
}
