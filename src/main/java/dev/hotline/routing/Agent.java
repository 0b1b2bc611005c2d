package dev.hotline.routing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** An agent's stored configuration, linked to a login by username. Live state is in Redis, not here. */
@Entity
@Table(name = "routing_agent")
class Agent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 128)
    private String displayName;

    @Column(length = 32)
    private String extension;

    @Column(length = 32)
    private String phone;

    @Column(name = "client_identity", length = 128)
    private String clientIdentity;

    @Column(name = "voice_capacity", nullable = false)
    private int voiceCapacity;

    @Column(name = "text_capacity", nullable = false)
    private int textCapacity;

    @Column(name = "ring_no_answers", nullable = false)
    private int ringNoAnswers;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_agent_skill", joinColumns = @JoinColumn(name = "agent_id"))
    @MapKeyColumn(name = "skill")
    @Column(name = "level")
    private Map<String, Integer> skills = new HashMap<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Agent() {
    }

    Agent(String username) {
        this.username = username;
    }

    void apply(AgentProfile p) {
        displayName = p.displayName();
        extension = p.extension();
        phone = p.phone();
        clientIdentity = p.clientIdentity();
        voiceCapacity = p.voiceCapacity();
        textCapacity = p.textCapacity();
        skills.clear();
        skills.putAll(p.skills());
        updatedAt = Instant.now();
    }

    String username() {
        return username;
    }

    AgentProfile profile() {
        return new AgentProfile(username, displayName, skills, extension, phone, clientIdentity, voiceCapacity,
                textCapacity, ringNoAnswers);
    }
}
