package com.example.shop.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample shop as a web service. Its database set-up is one dependency,
 * retort-spring-boot-starter: at start-up the starter upgrades the database with the shop's
 * generated registry (from the sample's jar) before JPA or jOOQ touch it, and Hibernate then
 * validates the schema the migrations built.
 */
@SpringBootApplication
public class ShopServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ShopServiceApplication.class, args);
  }
}
