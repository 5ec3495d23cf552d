package com.example.shop.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code users}, which revisions ae1027a6acf0 and 27c6a30d7c24 create. */
@Entity
@Table(name = "users")
@JsonPropertyOrder({"id", "email", "name", "emailVerified"})
public class User {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String email;

  private String name;

  @Column(name = "email_verified", nullable = false)
  private boolean emailVerified;

  protected User() {}

  public User(String email, String name) {
    this.email = email;
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getName() {
    return name;
  }

  public boolean isEmailVerified() {
    return emailVerified;
  }
}
