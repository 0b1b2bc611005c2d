package dev.hotline.routing;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

interface AgentRepository extends JpaRepository<Agent, Long> {

    Optional<Agent> findByUsername(String username);

    @Modifying
    @Transactional
    @Query("update Agent a set a.ringNoAnswers = a.ringNoAnswers + 1 where a.username = :username")
    int countRingNoAnswer(String username);
}
