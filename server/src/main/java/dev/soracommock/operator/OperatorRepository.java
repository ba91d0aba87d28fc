package dev.soracommock.operator;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface OperatorRepository extends Repository<Operator, String> {

    Optional<Operator> findByOperatorId(String operatorId);

    Optional<Operator> findByEmailIgnoreCase(String email);

    boolean existsByOperatorId(String operatorId);

    boolean existsByEmailIgnoreCase(String email);

    Operator save(Operator operator);

    void deleteByOperatorId(String operatorId);
}
