package com.example.shop.service;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The shop's HTTP interface: users through JPA, orders through jOOQ. */
@RestController
public class ShopController {

  private final UserRepository users;
  private final Orders orders;

  ShopController(UserRepository users, Orders orders) {
    this.users = users;
    this.orders = orders;
  }

  @GetMapping("/users")
  public List<User> users() {
    return users.findAll();
  }

  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  public User addUser(@RequestBody NewUser user) {
    return users.save(new User(user.email(), user.name()));
  }

  @PostMapping("/users/{id}/orders")
  @ResponseStatus(HttpStatus.CREATED)
  public Orders.Order placeOrder(@PathVariable long id, @RequestBody NewOrder order) {
    if (!users.existsById(id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No user " + id);
    }
    return orders.place(id, order.total());
  }

  @GetMapping("/orders/summary")
  public List<Orders.Summary> summary() {
    return orders.summaries();
  }

  /** The body of {@code POST /users}. */
  public record NewUser(String email, String name) {}

  /** The body of {@code POST /users/{id}/orders}. */
  public record NewOrder(BigDecimal total) {}
}
