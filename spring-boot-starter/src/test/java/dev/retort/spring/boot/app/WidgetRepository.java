package dev.retort.spring.boot.app;

import org.springframework.data.jpa.repository.JpaRepository;

/** Widgets through Spring Data JPA. */
public interface WidgetRepository extends JpaRepository<Widget, Long> {}
