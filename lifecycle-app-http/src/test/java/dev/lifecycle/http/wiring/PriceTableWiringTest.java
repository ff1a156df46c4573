package dev.lifecycle.http.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.cost.Architecture;
import dev.lifecycle.domain.cost.BillingClass;
import dev.lifecycle.domain.cost.PriceTable;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The price table the admin API builds from lifecycle.admin.prices.*: its defaults are the ones docs/configuration.md lists. */
class PriceTableWiringTest {

    /** Each price property and its default, as AdminConfig.Prices declares them. */
    private static Map<String, String> declaredDefaults() {
        Map<String, String> defaults = new TreeMap<>();
        for (Method method : AdminConfig.Prices.class.getDeclaredMethods()) {
            defaults.put(method.getAnnotation(WithName.class).value(), method.getAnnotation(WithDefault.class).value());
        }
        return defaults;
    }

    /** The prices configured with their defaults, except {@code overrides}. */
    private static AdminConfig.Prices prices(Map<String, String> overrides) {
        return (AdminConfig.Prices) Proxy.newProxyInstance(AdminConfig.Prices.class.getClassLoader(),
                new Class<?>[] {AdminConfig.Prices.class}, (proxy, method, args) -> {
                    String name = method.getAnnotation(WithName.class).value();
                    return Double.parseDouble(overrides.getOrDefault(name, method.getAnnotation(WithDefault.class).value()));
                });
    }

    @Test
    void everyPriceAndItsDefault_isTheOneTheConfigurationGuideLists() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
        String section = guide.substring(guide.indexOf("## Prices of cost estimates"));
        Map<String, String> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| (`[a-z0-9-]+`(?:, `[a-z0-9-]+`)*) \\| (`[0-9.]+`(?:, `[0-9.]+`)*) \\|").matcher(section);
        while (row.find()) {
            String[] names = row.group(1).replace("`", "").split(", ");
            String[] values = row.group(2).replace("`", "").split(", ");
            for (int i = 0; i < names.length; i++) {
                documented.put(names[i], values.length == 1 ? values[0] : values[i]);
            }
        }

        assertThat(documented).isEqualTo(declaredDefaults());
    }

    @Test
    void theDefaults_areUsEast1ListPrices() {
        PriceTable table = AdminWiring.priceTable(prices(Map.of()));

        assertThat(table.putPer1000()).isEqualTo(0.005);
        assertThat(table.of(BillingClass.STANDARD).getPer1000()).isEqualTo(0.0004);
        assertThat(table.of(BillingClass.STANDARD).storagePerGbMonth()).isEqualTo(0.023);
        assertThat(table.of(BillingClass.STANDARD_IA).storagePerGbMonth()).isEqualTo(0.0125);
        assertThat(table.of(BillingClass.ONEZONE_IA).storagePerGbMonth()).isEqualTo(0.01);
        assertThat(table.of(BillingClass.GLACIER_IR).storagePerGbMonth()).isEqualTo(0.004);
        assertThat(table.of(BillingClass.GLACIER).storagePerGbMonth()).isEqualTo(0.0036);
        assertThat(table.of(BillingClass.DEEP_ARCHIVE).storagePerGbMonth()).isEqualTo(0.00099);
        assertThat(table.of(BillingClass.STANDARD_IA).transitionPer1000()).isEqualTo(0.01);
        assertThat(table.of(BillingClass.GLACIER_IR).transitionPer1000()).isEqualTo(0.02);
        assertThat(table.of(BillingClass.GLACIER).transitionPer1000()).isEqualTo(0.03);
        assertThat(table.of(BillingClass.DEEP_ARCHIVE).transitionPer1000()).isEqualTo(0.05);
        assertThat(table.of(BillingClass.INTELLIGENT_TIERING_INFREQUENT).transitionPer1000())
                .as("moving between Intelligent-Tiering's tiers is free").isZero();
        assertThat(table.lambdaRequestsPerMillion()).isEqualTo(0.20);
        assertThat(table.lambdaGbSecond(Architecture.ARM64)).isEqualTo(0.0000133334);
        assertThat(table.lambdaGbSecond(Architecture.X86_64)).isEqualTo(0.0000166667);
        assertThat(table.dynamoDbWritesPerMillion()).isEqualTo(0.625);
    }

    @Test
    void aPriceThatIsNoPrice_stopsTheStartUp_namingTheProperty() {
        assertThatThrownBy(() -> AdminWiring.priceTable(prices(Map.of("storage-glacier", "-0.0036"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lifecycle.admin.prices.storage-glacier").hasMessageContaining("-0.0036");
        assertThatThrownBy(() -> AdminWiring.priceTable(prices(Map.of("lambda-gb-second-x86-64", "NaN"))))
                .hasMessageContaining("lifecycle.admin.prices.lambda-gb-second-x86-64");
    }
}
