package dev.hotline.routing;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface RoutingQueueRepository extends JpaRepository<RoutingQueue, Long> {

    Optional<RoutingQueue> findByName(String name);
}
