package dev.soracommock.operator;

import dev.soracommock.api.soracom.model.CompanyInformationModelDto;
import dev.soracommock.api.soracom.model.ContractUpdatedResponseContractDetailDto;
import dev.soracommock.api.soracom.model.ContractUpdatedResponseDto;
import dev.soracommock.api.soracom.model.ContractUpdatingRequestDto;
import dev.soracommock.api.soracom.model.IndividualInformationModelDto;
import dev.soracommock.api.soracom.model.OperatorConfigurationModelConfigurationDto;
import dev.soracommock.api.soracom.model.OperatorConfigurationModelDto;
import dev.soracommock.api.soracom.model.SetOperatorConfigurationNamespaceRequestDto;
import dev.soracommock.contract.OneOfValues;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.math.BigDecimal;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account operations of the Operator tag (company/individual information, configuration namespaces,
 * contracts) on {@link AccountDocumentStore}; kept apart from {@link OperatorApiImpl} so that class stays about identity.
 */
@Service
class AccountService {

    /** The namespaces the contract's OperatorConfigurationModel names. */
    static final Set<String> NAMESPACES = Set.of("Support", "Email");

    private final AccountDocumentStore documents;
    private final JsonMapper json;

    AccountService(AccountDocumentStore documents, JsonMapper json) {
        this.documents = documents;
        this.json = json;
    }

    /** Company information: create once (400 after), get (404 before), update (404 before). */
    @Transactional
    void createInformation(String operatorId, String kind, Object body) {
        if (documents.find(operatorId, kind, kind).isPresent()) {
            throw new ApiException(ErrorCode.ACCOUNT_INFORMATION_EXISTS, kind);
        }
        documents.put(operatorId, kind, kind, json.writeValueAsString(body));
    }

    @Transactional
    void updateInformation(String operatorId, String kind, Object body) {
        information(operatorId, kind, Object.class);
        documents.put(operatorId, kind, kind, json.writeValueAsString(body));
    }

    <T> T information(String operatorId, String kind, Class<T> type) {
        return documents.find(operatorId, kind, kind)
                .map(d -> json.readValue(d.body(), type))
                .orElseThrow(() -> new ApiException(ErrorCode.ACCOUNT_INFORMATION_MISSING, kind));
    }

    CompanyInformationModelDto company(String operatorId) {
        return information(operatorId, AccountDocumentStore.COMPANY, CompanyInformationModelDto.class);
    }

    IndividualInformationModelDto individual(String operatorId) {
        return information(operatorId, AccountDocumentStore.INDIVIDUAL, IndividualInformationModelDto.class);
    }

    /** Sets a configuration namespace; {@code expectedVersion}, when given, must be the current version (409). */
    @Transactional
    OperatorConfigurationModelDto setConfiguration(String operatorId, String namespace, SetOperatorConfigurationNamespaceRequestDto body) {
        checkNamespace(namespace);
        long current = documents.find(operatorId, AccountDocumentStore.CONFIGURATION, namespace).map(AccountDocumentStore.Document::version).orElse(0L);
        if (body.getExpectedVersion() != null && body.getExpectedVersion().longValue() != current) {
            throw new ApiException(ErrorCode.CONFIGURATION_VERSION_MISMATCH, current, body.getExpectedVersion().longValue());
        }
        JsonNode configuration = OneOfValues.json(body.getConfiguration());
        String text = configuration != null ? configuration.toString() : json.writeValueAsString(body.getConfiguration());
        long version = documents.put(operatorId, AccountDocumentStore.CONFIGURATION, namespace, text);
        return configurationModel(namespace, text, version);
    }

    OperatorConfigurationModelDto configuration(String operatorId, String namespace) {
        checkNamespace(namespace);
        AccountDocumentStore.Document d = documents.find(operatorId, AccountDocumentStore.CONFIGURATION, namespace)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND_IN_ACCOUNT, "configuration namespace " + namespace));
        return configurationModel(namespace, d.body(), d.version());
    }

    @Transactional
    void deleteConfiguration(String operatorId, String namespace) {
        checkNamespace(namespace);
        if (!documents.delete(operatorId, AccountDocumentStore.CONFIGURATION, namespace)) {
            throw new ApiException(ErrorCode.NOT_FOUND_IN_ACCOUNT, "configuration namespace " + namespace);
        }
    }

    private OperatorConfigurationModelDto configurationModel(String namespace, String body, long version) {
        return new OperatorConfigurationModelDto()
                .namespace(OperatorConfigurationModelDto.NamespaceEnum.fromValue(namespace))
                ._configuration(OneOfValues.of(OperatorConfigurationModelConfigurationDto.class, json.readTree(body)))
                .isModifiable(true)
                .version(BigDecimal.valueOf(version));
    }

    private static void checkNamespace(String namespace) {
        if (!NAMESPACES.contains(namespace)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "namespace must be one of " + NAMESPACES + ":namespace");
        }
    }

    /** Adds (or replaces) a contract such as harvest or napter, with its detail. */
    @Transactional
    ContractUpdatedResponseDto addContract(String operatorId, ContractUpdatingRequestDto body) {
        JsonNode detail = OneOfValues.json(body.getContractDetail());
        String name = body.getContractName().getValue();
        documents.put(operatorId, AccountDocumentStore.CONTRACT, name, detail == null ? "null" : detail.toString());
        return new ContractUpdatedResponseDto()
                .contractName(ContractUpdatedResponseDto.ContractNameEnum.fromValue(name))
                .contractDetail(detail == null || detail.isNull() ? null
                        : OneOfValues.of(ContractUpdatedResponseContractDetailDto.class, detail));
    }

    @Transactional
    void deleteContract(String operatorId, String contractName) {
        if (!documents.delete(operatorId, AccountDocumentStore.CONTRACT, contractName)) {
            throw new ApiException(ErrorCode.NOT_FOUND_IN_ACCOUNT, "contract " + contractName);
        }
    }
}
