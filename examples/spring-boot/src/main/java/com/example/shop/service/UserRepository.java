package com.example.shop.service;

import org.springframework.data.jpa.repository.JpaRepository;

/** Users through Spring Data JPA. */
public interface UserRepository extends JpaRepository<User, Long> {}
