/** Every word the review module and its commands say: the rules' reasons and fixes, the reports. */
package dev.retort.review.messages;
