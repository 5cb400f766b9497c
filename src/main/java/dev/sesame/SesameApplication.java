package dev.sesame;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Sesame. */
@SpringBootApplication
public class SesameApplication {

  public static void main(String[] args) {
    SpringApplication.run(SesameApplication.class, args);
  }
}
