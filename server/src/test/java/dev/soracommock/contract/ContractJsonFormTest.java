package dev.soracommock.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The contracts' build-time JSON form parses to the same contract as their YAML (docs/adr/0003). */
class ContractJsonFormTest {

    @ParameterizedTest
    @EnumSource(Contract.class)
    void theBuildWroteAJsonFormThatParsesToTheSameContractAsTheYaml(Contract contract) {
        String parsed = ContractDocuments.parseableText(contract);
        assertThat(parsed).as("the build's JSON form is what the server parses").startsWith("{");

        OpenAPI fromYaml = parse(ContractDocuments.text(contract));
        OpenAPI fromJson = parse(parsed);
        assertThat(fromJson.getPaths().keySet()).containsExactlyElementsOf(fromYaml.getPaths().keySet());
        assertThat(fromJson).isEqualTo(fromYaml);
    }

    private static final String YAML = """
            openapi: 3.0.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                s:
                  type: string
                  enum: [on, off, '2021-01-01', 1.50]
                  example: 2021-01-01
                n:
                  type: number
                  maximum: 1.50
            """;

    @Test
    void yamlScalarsKeepWhatTheParserMakesOfThemInTheJsonForm() throws Exception {
        String json = ContractJsonForm.toJson(YAML, "t.yaml");
        assertThat(json).startsWith("{");
        assertThat(parse(json)).isEqualTo(parse(YAML));
        assertThat(ContractJsonForm.fileName("soracom-api.yaml")).isEqualTo("soracom-api.json");
    }

    @Test
    void aDocumentThatIsNotYamlIsRefused() {
        assertThatThrownBy(() -> ContractJsonForm.toJson("a: [unclosed", "bad.yaml")).isInstanceOf(Exception.class);
    }

    private static OpenAPI parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text, null, options).getOpenAPI();
    }
}
