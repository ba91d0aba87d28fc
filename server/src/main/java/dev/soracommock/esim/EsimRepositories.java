package dev.soracommock.esim;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

// The eSIM Commerce repositories; every tenant-scoped look-up takes the reseller first.

interface ResellerRepository extends JpaRepository<Reseller, String> {
}

interface EsimOrderRepository extends JpaRepository<EsimOrder, EsimOrder.Key> {
}

interface EsimRepository extends JpaRepository<Esim, String> {

    Optional<Esim> findByResellerIdAndIccid(String resellerId, String iccid);

    List<Esim> findByResellerIdAndTransactionIdOrderByIccid(String resellerId, String transactionId);
}
